namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 1: handler threads are background threads, the lesson's safety net.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
public sealed class Step1_BackgroundThreadsTests
{
    [Fact(DisplayName = "Handler threads are background threads")]
    public async Task Handler_threads_are_background_threads()
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);

        using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A");
        using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
        await log.WaitForHandlersAsync(2, "the handlers of 2 connected clients to start", Step1_ThreadingTcpServerTests.SequentialHint);

        var foreground = log.Threads.Count(t => !t.IsBackground);
        Assert.True(foreground == 0,
            $"{foreground} of 2 handler threads are foreground threads. A foreground thread keeps the process alive after Main " +
            "returns, so one handler stuck on something other than its socket would keep a server that was told to end running. " +
            "Create each handler thread with IsBackground = true: a safety net, not a replacement for Stop.");
    }
}
