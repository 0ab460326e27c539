namespace SocketCourse.AsyncAndScale.Tests;

// "Calling it again returns the same task": a second StopAsync must not start a second stop (dispose the listener
// again, cancel a disposed token). Found by mutation testing (.ci/mutation).

/// <summary>Step 1: a second AsyncEchoServer.StopAsync returns the first one's task.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
public sealed class Step1_StopTwiceTests
{
    [Fact(DisplayName = "AsyncEchoServer.StopAsync called twice returns the same task")]
    public async Task AsyncEchoServer_StopAsync_called_twice_returns_the_same_task()
    {
        var server = AsyncEchoServer.Start(Loopback.AnyPort);
        var first = server.StopAsync();
        var second = server.StopAsync();
        await CodeUnderTest.Finish(first, "the first StopAsync to complete");
        Assert.True(ReferenceEquals(first, second),
            "StopAsync returned a new task the second time. Start the stop once and keep its task (under a lock: `return _stopped ??= StopOnceAsync();`), " +
            "so a second caller (DisposeAsync after StopAsync, two threads at once) awaits the same stop instead of running it again.");
    }
}

/// <summary>Step 2: a second AsyncChatServer.StopAsync returns the first one's task.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_StopTwiceTests
{
    [Fact(DisplayName = "AsyncChatServer.StopAsync called twice returns the same task")]
    public async Task AsyncChatServer_StopAsync_called_twice_returns_the_same_task()
    {
        var server = AsyncChatServer.Start(Loopback.AnyPort);
        var first = server.StopAsync();
        var second = server.StopAsync();
        await CodeUnderTest.Finish(first, "the first StopAsync to complete");
        Assert.True(ReferenceEquals(first, second),
            "StopAsync returned a new task the second time. Start the stop once and keep its task (under a lock: `return _stopped ??= StopOnceAsync();`), " +
            "so a second caller (DisposeAsync after StopAsync, two threads at once) awaits the same stop instead of running it again.");
    }
}
