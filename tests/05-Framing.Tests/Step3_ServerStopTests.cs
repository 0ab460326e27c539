using System.Net;

namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 3: what StopAsync promises beyond closing the connections: "every task the server started has finished when the
/// returned task completes", and "calling it again does nothing more". Found by mutation testing (.ci/mutation): a Stop
/// that did not wait for its connections, or failed when called twice, went unnoticed before.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
public sealed class Step3_ServerStopTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;

    [Fact(DisplayName = "StopAsync waits for a reply that is still being computed")]
    public async Task StopAsync_waits_for_a_reply_that_is_still_being_computed()
    {
        using var replyStarted = new SemaphoreSlim(0);
        using var mayReturn = new ManualResetEventSlim(false);
        var server = PipelinedLineServer.Start(AnyPort, line =>
        {
            replyStarted.Release();
            mayReturn.Wait(Deadlines.Refusal); // bounded: a server that never stops cannot hold this thread for ever
            return line;
        });
        try
        {
            using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);
            await client.SendAsync("slow\n");
            if (!await replyStarted.WaitAsync(Deadlines.Default))
                throw Deadlines.TimedOut(Deadlines.Default, "the reply function to be called for the line \"slow\"",
                    "The client sent \"slow\\n\"; the server never asked the reply function for an answer.");

            var stopping = CodeUnderTest.Start(() => server.StopAsync());
            // A correct StopAsync cannot finish while the reply function runs; one that does not wait finishes at once.
            var stoppedEarly = await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromMilliseconds(300))) == stopping;
            mayReturn.Set();
            await CodeUnderTest.Finish(stopping, "StopAsync to finish once the reply function had returned",
                hint: "Cancel the token the connections read with, close the listener, then await the accept loop and every connection's task.");

            Assert.False(stoppedEarly,
                "StopAsync finished while a connection was still inside the reply function. It promises that every task the server " +
                "started has finished when it completes: keep each connection's task (e.g. in a ConcurrentDictionary) and await them all " +
                "(Task.WhenAll) after cancelling, so nothing of the server still runs once the caller goes on.");
        }
        finally
        {
            mayReturn.Set();
            await server.StopAsync().WaitAsync(Deadlines.Default).ContinueWith(_ => { });
        }
    }

    [Fact(DisplayName = "StopAsync a second time, or DisposeAsync after it, does nothing more")]
    public async Task StopAsync_a_second_time_or_DisposeAsync_after_it_does_nothing_more()
    {
        var server = PipelinedLineServer.Start(AnyPort, line => line);
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);
        await client.SendAsync("ping\n");
        await client.ReadLineAsync("the reply to \"ping\"");

        await CodeUnderTest.Finish(server.StopAsync(), "the first StopAsync");
        await CodeUnderTest.Finish(CodeUnderTest.Start(() => server.StopAsync()), "a second StopAsync on a stopped server",
            hint: "Calling it again does nothing more: remember that it ran (Interlocked.Exchange on a flag) and return at once, " +
                  "before touching the cancellation source or the listener it disposed the first time.");
        await CodeUnderTest.Finish(CodeUnderTest.Start(() => server.DisposeAsync().AsTask()), "DisposeAsync on a stopped server");
    }
}
