namespace SocketCourse.AsyncAndScale.Tests;

// "Calling it again returns the same task": a second StopAsync must not start a second stop (dispose the listener
// again, cancel a disposed token). Found by mutation testing (.ci/mutation).

/// <summary>Step 1: a second AsyncEchoServer.StopAsync returns the first one's task.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
public sealed class Step1_StopTwiceTests
{
    [Fact(DisplayName = "AsyncEchoServer.StopAsync called twice returns the same task")]
    public async Task AsyncEchoServer_StopAsync_called_twice_returns_the_same_task() =>
        await StopTwice.ExpectTheSameTaskAsync(AsyncEchoServer.Start(Loopback.AnyPort).StopAsync);
}

/// <summary>Step 2: a second AsyncChatServer.StopAsync returns the first one's task.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_StopTwiceTests
{
    [Fact(DisplayName = "AsyncChatServer.StopAsync called twice returns the same task")]
    public async Task AsyncChatServer_StopAsync_called_twice_returns_the_same_task() =>
        await StopTwice.ExpectTheSameTaskAsync(AsyncChatServer.Start(Loopback.AnyPort).StopAsync);
}

/// <summary>The check both steps share: two calls of a server's StopAsync, one stop.</summary>
internal static class StopTwice
{
    public static async Task ExpectTheSameTaskAsync(Func<Task> stopAsync)
    {
        var first = stopAsync();
        var second = stopAsync();
        await CodeUnderTest.Finish(first, "the first StopAsync to complete");
        Assert.True(ReferenceEquals(first, second),
            "StopAsync returned a new task the second time. Start the stop once and keep its task (under a lock: `return _stopped ??= StopOnceAsync();`), " +
            "so a second caller (DisposeAsync after StopAsync, two threads at once) awaits the same stop instead of running it again.");
    }
}
