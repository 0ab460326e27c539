namespace SocketCourse.AsyncAndScale.Tests;

// A client that reset is an ending, not an error, and not a slow member: the writer ends quietly, and TryDeliver keeps
// saying true so the room does not report the member as too slow. Found by mutation testing (.ci/mutation).

/// <summary>Step 2: an outbox whose client reset.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_OutboxAfterResetTests
{
    private static async Task ResetByTheClientAsync(ConnectedPair pair)
    {
        pair.Grader.Reset();
        // On loopback the reset arrives at once; wait (bounded) until the learner's socket reports it as readable.
        await Eventually.TrueAsync(() => pair.Learner.Poll(0, System.Net.Sockets.SelectMode.SelectRead),
            "the client's reset to reach the learner's socket", () => "the learner's socket did not report the reset");
    }

    [Fact(DisplayName = "Disconnect after the client reset ends the writer without an error")]
    public async Task Disconnect_after_the_client_reset_ends_the_writer_without_an_error()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var outbox = new ChannelOutbox(pair.Learner);
        await ResetByTheClientAsync(pair);

        outbox.Disconnect();
        await CodeUnderTest.Finish(outbox.Completion, "the writer task to end after Disconnect, on a connection the client had reset",
            hint: "With nothing queued the writer shuts down its sending side, and on a reset connection that throws a SocketException. " +
                  "The client being gone is an ending: catch the socket's errors in the writer, so Completion ends normally.");
        Assert.True(outbox.Completion.IsCompletedSuccessfully, $"Completion ended as {outbox.Completion.Status}, expected RanToCompletion.");
    }

    [Fact(DisplayName = "After the connection broke, TryDeliver still says true: the member is gone, not too slow")]
    public async Task After_the_connection_broke_TryDeliver_still_says_true()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var outbox = new ChannelOutbox(pair.Learner, capacity: 1);
        await ResetByTheClientAsync(pair);

        var first = outbox.TryDeliver("to a client that reset");
        await CodeUnderTest.Finish(outbox.Completion, "the writer task to end once its send failed on the reset connection",
            hint: "A failed send (IOException, SocketException) ends the writer: close the socket in its finally.");
        var later = outbox.TryDeliver("after the writer ended");

        Assert.True(first && later,
            $"TryDeliver returned {first} and then {later} (after the writer had ended on the broken connection), expected true both times. " +
            "A member whose connection failed is not too slow: its session notices the failure and leaves. Returning false would make " +
            "the room drop it as too slow (\"left (too slow)\") instead.");
        Assert.False(outbox.Overflowed, "A member whose connection broke was marked as overflowed: it is gone, not slow.");
    }
}
