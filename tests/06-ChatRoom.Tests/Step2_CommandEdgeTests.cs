namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 2: ChatCommands.Handle at its edges, driven with plain strings: /quit leaves the room before Handle returns, a
/// line holding a control character is refused, and /nick without a name gets its usage line. Found by mutation testing
/// (.ci/mutation): none of these was graded before (the session's own Leave hid a /quit that did not leave).
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "2")]
public sealed class Step2_CommandEdgeTests
{
    private static (Room Room, RecordingMember Alice, RecordingMember Bob) TwoMembers()
    {
        var room = new Room();
        var alice = new RecordingMember("alice");
        var bob = new RecordingMember("bob");
        Assert.True(room.TryJoin(alice, "alice", out _) && room.TryJoin(bob, "bob", out _), "alice and bob could not join an empty room.");
        return (room, alice, bob);
    }

    [Fact(DisplayName = "/quit says bye and leaves the room before Handle returns")]
    public void Quit_says_bye_and_leaves_the_room_before_Handle_returns()
    {
        var (room, alice, bob) = TwoMembers();

        var outcome = ChatCommands.Handle(room, alice, "/quit");

        Assert.True(outcome == LineOutcome.Quit, $"Handle(\"/quit\") returned {outcome}, expected LineOutcome.Quit.");
        Assert.True(alice.Lines.LastOrDefault() == ChatLines.Bye, $"alice should have been handed {Show.Text(ChatLines.Bye)} last; she got {alice.Shown()}.");
        Assert.True(room.NicknameOf(alice) is null && room.Count == 1,
            $"After Handle(\"/quit\") returned, alice is still in the room (Count {room.Count}). /quit leaves the room itself (Room.Leave), " +
            "so the others hear it at once, not whenever the connection happens to close.");
        Assert.True(bob.Lines.LastOrDefault() == ChatLines.Left("alice"),
            $"bob should have been handed {Show.Text(ChatLines.Left("alice"))}; he got {bob.Shown()}.");
    }

    [Theory(DisplayName = "A line holding a control character is refused, not broadcast")]
    [InlineData("bell \u0007 here")]
    [InlineData("escape \u001b[2J")]
    [InlineData("delete \u007f")]
    public void A_line_holding_a_control_character_is_refused_not_broadcast(string line)
    {
        var (room, alice, bob) = TwoMembers();

        var outcome = ChatCommands.Handle(room, alice, line);

        Assert.True(outcome == LineOutcome.KeepReading, $"Handle({Show.Text(line)}) returned {outcome}; a refused line does not end the session.");
        Assert.True(alice.Lines.LastOrDefault() == ChatLines.ControlCharacter,
            $"alice sent {Show.Text(line)}; she should have been handed {Show.Text(ChatLines.ControlCharacter)}, but got {alice.Shown()}. " +
            "A control character anywhere in the line (below U+0020 but tab, or U+007F) could rewrite the others' screens: refuse the line.");
        Assert.True(bob.Lines.SequenceEqual([ChatLines.Joined("bob")]),
            $"A refused line reaches nobody; bob was handed {bob.Shown()}.");
    }

    [Fact(DisplayName = "A tab is not a control character to refuse")]
    public void A_tab_is_not_a_control_character_to_refuse()
    {
        var (room, alice, bob) = TwoMembers();

        ChatCommands.Handle(room, alice, "name\tscore");

        Assert.True(bob.Lines.LastOrDefault() == ChatLines.Chat("alice", "name\tscore"),
            $"A tab is allowed in a chat line; bob should have been handed {Show.Text(ChatLines.Chat("alice", "name\tscore"))}, but got {bob.Shown()}.");
    }

    [Fact(DisplayName = "/nick without a name gets its usage line")]
    public void Nick_without_a_name_gets_its_usage_line()
    {
        var (room, alice, _) = TwoMembers();

        ChatCommands.Handle(room, alice, "/nick");

        Assert.True(alice.Lines.LastOrDefault() == ChatLines.NickUsage,
            $"alice sent \"/nick\" with no name; she should have been handed {Show.Text(ChatLines.NickUsage)}, but got {alice.Shown()}.");
        Assert.True(room.NicknameOf(alice) == "alice", $"A /nick without a name renames nobody; alice is now {Show.Text(room.NicknameOf(alice))}.");
    }
}
