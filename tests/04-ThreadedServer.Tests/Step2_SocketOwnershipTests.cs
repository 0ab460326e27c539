using System.Net.Sockets;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 2, the handler's manners: the socket belongs to the server that accepted it.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "2")]
public sealed class Step2_SocketOwnershipTests
{
    [Fact(DisplayName = "The handler leaves the socket to its owner")]
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
}
