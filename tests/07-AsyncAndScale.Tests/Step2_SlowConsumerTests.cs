using System.Text;
using SocketCourse.ChatProtocol;
using SocketCourse.ChatRoom;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 2: the slow consumer, with a bounded Channel and a writer task per member.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_SlowConsumerTests : SlowConsumerGraders
{
    protected override async Task<IChatServerUnderTest> StartServerAsync() => await AsyncRoomUnderTest.StartAsync();

    [Fact(DisplayName = "The outbox sends lines in order, and Disconnect sends the rest, then closes with a FIN")]
    public async Task The_outbox_sends_lines_in_order_and_Disconnect_sends_the_rest_then_closes_with_a_FIN()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var outbox = new ChannelOutbox(pair.Learner, capacity: 64);
        var accepted = Enumerable.Range(0, 50).Select(i => outbox.TryDeliver($"line {i}")).ToList();
        outbox.Disconnect();
        var afterDisconnect = outbox.TryDeliver("too late");

        Assert.True(accepted.All(ok => ok), $"TryDeliver refused {accepted.Count(ok => !ok)} of 50 lines into an outbox for 64.");
        Assert.False(afterDisconnect, "TryDeliver after Disconnect must return false: the member is gone.");
        var text = await pair.Grader.ReadTextToEndAsync("the 50 lines, then end of stream, after Disconnect");
        var expected = string.Concat(Enumerable.Range(0, 50).Select(i => $"line {i}\n"));
        Assert.True(text == expected,
            $"After 50 lines and Disconnect the client read {Show.Text(text)}, expected the 50 lines in order ({Show.Text(expected)}). " +
            "Disconnect completes the channel; the writer task sends what is left, shuts down its sending side, then closes the socket.");
        await CodeUnderTest.Finish(outbox.Completion, "the outbox's writer task to end after Disconnect");
    }

    [Fact(DisplayName = "A full outbox gives up in a bounded time, and refuses at once from then on")]
    public async Task A_full_outbox_gives_up_in_a_bounded_time_and_refuses_at_once_from_then_on()
    {
        using var pair = await ConnectedPair.OpenAsync();
        pair.Learner.SendBufferSize = 4096;
        var outbox = new ChannelOutbox(pair.Learner, capacity: 4);
        var big = new string('x', 60_000);
        // The grader never reads: the socket's buffers fill, the writer's send waits, and the channel fills behind it.
        var delivered = await CodeUnderTest.Finish(Task.Run(() =>
        {
            var count = 0;
            for (var i = 0; i < 200 && outbox.TryDeliver(big); i++) count++;
            return count;
        }), "TryDeliver to refuse a line for a member that never reads (the outbox holds 4 lines)",
            hint: "When the channel stays full for RoomWait, mark the member as overflowed and return false; never wait for a peer that does not read.");
        Assert.True(delivered < 200, $"TryDeliver accepted all 200 lines of 60 KB for a member that never reads: the channel must be bounded.");
        Assert.True(outbox.Overflowed, "After TryDeliver returned false for a full outbox, Overflowed was false.");
        var again = await CodeUnderTest.Finish(Task.Run(() => outbox.TryDeliver("short")), "TryDeliver on an overflowed outbox to return");
        Assert.False(again, "An overflowed member refused one line and then accepted another: once overflowed, refuse every line (the room drops it).");
        outbox.Disconnect();
        await CodeUnderTest.Finish(outbox.Completion, "the writer task of an overflowed member to end after Disconnect",
            hint: "An overflowed member is cut off at once: cancel the writer's send instead of waiting for a peer that does not read.");
    }
}
