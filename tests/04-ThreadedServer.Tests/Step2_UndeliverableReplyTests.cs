using System.Net.Sockets;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 2: a reply that cannot reach its client ends the conversation as a Reset, as the docs say.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "2")]
public sealed class Step2_UndeliverableReplyTests
{
    [Fact(DisplayName = "A reply that cannot be delivered returns Reset")]
    public async Task A_reply_that_cannot_be_delivered_returns_Reset()
    {
        // The client asks and closes before the answer is ready. The answer (8 MB, more than the socket buffers hold) runs
        // into the closed socket, whose kernel answers with a reset, so a Send fails whatever the platform.
        using var pair = await ConnectedPair.OpenAsync();
        var clientGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hugeReply = new string('x', 8 << 20);
        var serving = OwnThread.Start(() => ReplyHandler.Serve(pair.Learner, _ =>
        {
            clientGone.Task.Wait(Deadlines.Default);
            Thread.Sleep(50); // the client's FIN has arrived: the reply goes to a socket nobody reads
            return hugeReply;
        }), "grader: ReplyHandler.Serve");

        await pair.Grader.SendAsync("answer me, but I will not wait");
        pair.Grader.Dispose();
        clientGone.SetResult();

        ClientLeft left;
        try
        {
            left = await CodeUnderTest.Finish(serving, "Serve to return after its reply ran into a client that had closed");
        }
        catch (SocketException e)
        {
            throw new GradingException(
                $"Serve threw SocketException {e.SocketErrorCode} while sending a reply to a client that had gone. Catch " +
                "SocketException around the send (whatever the code: it differs between platforms) and return ClientLeft.Reset.", e);
        }
        Assert.True(left == ClientLeft.Reset,
            $"Sending the reply failed (the client had closed, and its kernel answered the reply with a reset), yet Serve returned " +
            $"{left}. The docs promise Reset when a reply cannot be sent: stop at the failed Send and return ClientLeft.Reset, " +
            "instead of going on to the next Receive as if the reply had arrived.");
    }
}
