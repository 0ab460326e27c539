namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 1: the room's promised InvalidOperationExceptions — a member that joins twice, and a non-member that renames,
/// broadcasts or sends a private message — each with a message that says what went wrong, and with nothing changed or
/// delivered. Found by mutation testing (.ci/mutation): no grader called the room out of turn before.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "1")]
public sealed class Step1_RoomMisuseTests
{
    private static void Misuse(Action call, string why)
    {
        var e = Expect.Throws<InvalidOperationException>(call, why);
        Assert.True(!string.IsNullOrWhiteSpace(e.Message),
            $"The InvalidOperationException ({why}) has an empty message. Say what went wrong, so the bug in the calling code is found fast.");
    }

    [Fact(DisplayName = "A member that joins twice is an InvalidOperationException, even under another name")]
    public void A_member_that_joins_twice_is_an_InvalidOperationException()
    {
        var room = new Room();
        var alice = new RecordingMember("alice");
        Assert.True(room.TryJoin(alice, "alice", out _), "alice could not join an empty room.");

        Misuse(() => room.TryJoin(alice, "alice2", out _),
            "TryJoin for a member that has joined already, as \"alice\", asking for \"alice2\": one member, one name");
        Assert.True(room.Count == 1 && room.NicknameOf(alice) == "alice" && room.Nicknames.SequenceEqual(["alice"]),
            $"After the refused second join the room should still hold alice once, as \"alice\"; it holds [{string.Join(", ", room.Nicknames)}].");
        Assert.True(alice.Lines.SequenceEqual([ChatLines.Joined("alice")]),
            $"A refused join announces nothing; alice was handed {alice.Shown()}.");
    }

    [Fact(DisplayName = "Renaming, broadcasting or sending privately as a non-member is an InvalidOperationException")]
    public void Renaming_broadcasting_or_sending_privately_as_a_non_member_is_an_InvalidOperationException()
    {
        var room = new Room();
        var alice = new RecordingMember("alice");
        Assert.True(room.TryJoin(alice, "alice", out _), "alice could not join an empty room.");
        var stranger = new RecordingMember("stranger");

        Misuse(() => room.TryRename(stranger, "bob", out _), "TryRename for a member that never joined");
        Misuse(() => room.Broadcast(stranger, "hello?"), "Broadcast from a member that never joined: who would the line be from?");
        Misuse(() => room.SendPrivate(stranger, "alice", "psst"), "SendPrivate from a member that never joined");

        Assert.True(room.Count == 1 && room.Nicknames.SequenceEqual(["alice"]) && alice.Lines.SequenceEqual([ChatLines.Joined("alice")]),
            $"Refused calls change nothing and deliver nothing: the room holds [{string.Join(", ", room.Nicknames)}], alice was handed {alice.Shown()}.");
    }
}
