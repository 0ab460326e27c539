namespace SocketCourse.Browser.Tests;

// Stop's two promises for connections, each alone: it cancels their waits (so an idle keep-alive connection ends at
// once, not at the timeout), and after the timeout it closes what is still open (an upgrade handler that ignores its
// token). Found by mutation testing (.ci/mutation): the Stop grader used a 2 s timeout and allowed 5 s, so a Stop that
// cancelled nothing and only closed at the timeout passed, and no connection outlived the timeout.

/// <summary>Step 2, for the keen: Stop cancels the connections' waits, then closes whatever is still open.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
[Trait("Stretch", "true")]
public sealed class Step2_StopCancelsAndClosesTests
{
    [Fact(DisplayName = "Stop(30 s) with an idle keep-alive connection returns long before its timeout")]
    public async Task Stop_cancels_an_idle_connections_wait()
    {
        var run = ServerRun.Start();
        try
        {
            using var idle = await LoopbackPeer.ConnectAsync(run.EndPoint, "an idle keep-alive client");
            await idle.SendAsync(HttpWire.Ascii(HttpWire.Request("/style.css")));
            await HttpWire.ReadResponseAsync(idle, "GET /style.css");
            await CodeUnderTest.Finish(CodeUnderTest.Start(() => Task.Run(() => run.Server.Stop(TimeSpan.FromSeconds(30)))),
                "Stop(30 s) to return with one idle keep-alive connection", TimeSpan.FromSeconds(10),
                "Stop cancels the connections' waits first (the read of the next request, here), so they end at once; the timeout is only for " +
                "connections that do not end when cancelled.");
            await idle.ExpectEndOfStreamAsync("Stop ends every connection");
        }
        finally
        {
            run.Dispose();
        }
    }

    [Fact(DisplayName = "Stop closes a connection whose upgrade handler ignores the token, once the timeout is over")]
    public async Task Stop_closes_what_is_still_open_after_the_timeout()
    {
        var handlerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = ServerRun.Start(upgrade: (_, _, _) => { handlerStarted.TrySetResult(); return never.Task; });
        try
        {
            using var stuck = await LoopbackPeer.ConnectAsync(run.EndPoint, "a client whose connection the upgrade handler keeps");
            await stuck.SendAsync(HttpWire.Ascii(HttpWire.Request("/anything")));
            await CodeUnderTest.Finish(handlerStarted.Task, "the server to offer the request to the upgrade handler");
            await CodeUnderTest.Finish(CodeUnderTest.Start(() => Task.Run(() => run.Server.Stop(TimeSpan.FromMilliseconds(500)))),
                "Stop(0.5 s) to return while an upgrade handler ignores its token", TimeSpan.FromSeconds(5));
            await stuck.ExpectEndOfStreamAsync("Stop's timeout is over: whatever is still open is closed then, even a connection whose handler never returns");
        }
        finally
        {
            never.TrySetResult(false);
            run.Dispose();
        }
    }
}
