namespace SocketCourse.AsyncAndScale.Tests;

// Disconnect never blocks, and the writer gets DrainTimeout to send what is queued: a client that does not read must not
// keep the writer (and the server's StopAsync, which awaits it) for ever. Found by mutation testing (.ci/mutation).

/// <summary>Step 2: after Disconnect, a client that does not read gets DrainTimeout, then the writer gives up.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_OutboxDrainTimeoutTests
{
    [Fact(DisplayName = "After Disconnect, a client that does not read holds the writer for DrainTimeout at most")]
    public async Task After_Disconnect_a_client_that_does_not_read_holds_the_writer_for_DrainTimeout_at_most()
    {
        using var pair = await ConnectedPair.OpenAsync();
        pair.Learner.SendBufferSize = 4096;
        var outbox = new ChannelOutbox(pair.Learner, capacity: 64);
        var big = new string('x', 60_000);
        // 40 lines of 60 KB fit in the outbox but not in the socket's buffers: the writer's send waits for a reader that never comes.
        var refused = Enumerable.Range(0, 40).Count(_ => !outbox.TryDeliver(big));
        Assert.True(refused == 0, $"An outbox for 64 lines refused {refused} of 40.");

        outbox.Disconnect();
        var allowed = ChannelOutbox.DrainTimeout + TimeSpan.FromSeconds(4);
        await CodeUnderTest.Finish(outbox.Completion,
            $"the writer task to give up on a client that does not read, {ChannelOutbox.DrainTimeout.TotalSeconds:0} s (DrainTimeout) after Disconnect",
            timeout: allowed,
            hint: "Disconnect cuts the writer off after DrainTimeout (CancelAfter on the token its sends use): a peer that never reads must not " +
                  "hold the writer, and the server's StopAsync that awaits it, for ever.");
    }
}
