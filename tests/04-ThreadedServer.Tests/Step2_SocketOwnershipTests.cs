using System.Net.Sockets;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 2, the handler's manners: the socket belongs to the server, and only a reset is a reset.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "2")]
public sealed class Step2_SocketOwnershipTests
{
    [Fact]
    public async Task The_handler_leaves_the_socket_to_its_owner()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var serving = OwnThread.Start(() => ReplyHandler.Serve(pair.Learner, m => m), "grader: ReplyHandler.Serve");

        await CodeUnderTest.WhileRunning(serving, () => Talk.ExpectReplyAsync(pair.Grader, "ping", "ping"));
        pair.Grader.ShutdownSend();
        await CodeUnderTest.Finish(serving, "Serve to return after the client closed its side");

        try
        {
            pair.Learner.Send("the owner still uses it"u8);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            throw new GradingException(
                $"After Serve returned, its owner could not use the socket: {Explain.Exception(e)} Serve must not close or dispose " +
                "the socket it was given (no `using` on a parameter): the server that accepted it closes it, and may still need it.", e);
        }
        var got = await pair.Grader.ReadExactlyAsync(23, "the bytes the socket's owner sent after Serve returned");
        Assert.Equal("the owner still uses it"u8.ToArray(), got);
    }

    [Fact]
    public async Task Only_a_reset_is_reported_as_Reset()
    {
        using var pair = await ConnectedPair.OpenAsync();
        pair.Learner.ReceiveTimeout = 300; // the socket's owner set a receive timeout; this client says nothing
        var serving = OwnThread.Start(() => ReplyHandler.Serve(pair.Learner, m => m), "grader: ReplyHandler.Serve");

        var outcome = await Task.WhenAny(serving, Task.Delay(Deadlines.Default));
        if (outcome != serving)
            throw Deadlines.TimedOut(Deadlines.Default, "Serve to fail on its Receive timing out after 300 ms");
        if (serving.IsCompletedSuccessfully)
            throw new GradingException(
                $"Serve returned {await serving}, but the client neither closed nor reset: its Receive failed with SocketException " +
                "TimedOut. Only SocketError.ConnectionReset means the client reset the connection; catch exactly that " +
                "(catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)) and let other errors out.");
        await Expect.Throws<SocketException>(serving, "the Receive timed out: an error that is not a reset is not a way of leaving");
    }
}
