namespace SocketCourse.AsyncAndScale.Tests;

// "Marks the member as overflowed and returns false; every later call returns false": the refusal and the mark come
// together, and the mark stays when room appears later. Found by mutation testing (.ci/mutation).

/// <summary>Step 2: once overflowed, an outbox refuses every line, from the first refusal on.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_OutboxOverflowIsFinalTests
{
    private const int LineChars = 60_000;

    [Fact(DisplayName = "An overflowed outbox refuses every later line, even once the client has read and there is room")]
    public async Task An_overflowed_outbox_refuses_every_later_line_even_once_there_is_room()
    {
        using var pair = await ConnectedPair.OpenAsync();
        pair.Learner.SendBufferSize = 4096;
        var outbox = new ChannelOutbox(pair.Learner, capacity: 4);
        var big = new string('x', LineChars);
        // The grader does not read yet: the socket's buffers fill, the writer's send waits, and the channel fills behind it.
        var (delivered, markedEarly) = await CodeUnderTest.Finish(Task.Run(() =>
        {
            var count = 0;
            string? early = null;
            for (var i = 0; i < 200 && outbox.TryDeliver(big); i++)
            {
                count++;
                if (outbox.Overflowed) early ??= $"line {count}";
            }
            return (count, early);
        }), "TryDeliver to refuse a line for a member that does not read (the outbox holds 4 lines)",
            hint: "When the channel stays full for RoomWait, mark the member as overflowed and return false.");
        Assert.True(delivered < 200, "TryDeliver accepted all 200 lines of 60 KB for a member that does not read: the channel must be bounded.");
        Assert.True(markedEarly is null,
            $"TryDeliver returned true for {markedEarly}, yet Overflowed was already true right after it. The call that gives the member up " +
            "marks it overflowed and returns false, so the room drops it; a line reported as delivered must never be one the member lost.");
        Assert.True(outbox.Overflowed, "After TryDeliver returned false for a full outbox, Overflowed was false.");

        // Now the client reads all but two lines' worth: the writer has taken those lines out, so the channel has room again.
        var readNow = Math.Max(0, delivered - 2) * (LineChars + 1);
        if (readNow > 0) await pair.Grader.ReadExactlyAsync(readNow, $"{readNow} bytes: the first {delivered - 2} of the {delivered} lines delivered",
            timeout: TimeSpan.FromSeconds(10));
        var afterRoom = await CodeUnderTest.Finish(Task.Run(() => outbox.TryDeliver("short")), "TryDeliver on an overflowed outbox to return");
        Assert.False(afterRoom,
            "An overflowed member accepted a line once its client had caught up a little. Overflowed is final: the room has dropped the member " +
            "as too slow, so every later TryDeliver returns false at once, whatever room the channel has.");
        outbox.Disconnect();
        await CodeUnderTest.Finish(outbox.Completion, "the writer task of an overflowed member to end after Disconnect");
    }
}
