namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 1: a rename gives up the old name, and a rename to a name that breaks the rules is refused. Found by mutation
/// testing (.ci/mutation): a room that kept the old name taken, or accepted an invalid new one, went unnoticed before.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "1")]
public sealed class Step1_RenameTests
{
    [Fact(DisplayName = "After a rename the old name is free, and nobody answers to it")]
    public void After_a_rename_the_old_name_is_free_and_nobody_answers_to_it()
    {
        var room = new Room();
        var alice = new RecordingMember("alice");
        var bob = new RecordingMember("bob");
        Assert.True(room.TryJoin(alice, "alice", out _) && room.TryJoin(bob, "bob", out _), "alice and bob could not join an empty room.");
        Assert.True(room.TryRename(bob, "robert", out var error), $"Renaming bob to a free name was refused: {Show.Text(error)}.");

        var toOldName = room.SendPrivate(alice, "bob", "still there?");
        Assert.False(toOldName,
            "After bob became robert, SendPrivate to \"bob\" still found a member: the old name must leave the registry with the rename " +
            "(remove it from the name → member map, then add the new one).");
        var newcomer = new RecordingMember("another bob");
        Assert.True(room.TryJoin(newcomer, "Bob", out var refused),
            $"After bob became robert, a newcomer asking for \"Bob\" was refused ({Show.Text(refused)}): the old name is free again.");
        Assert.True(room.Nicknames.SequenceEqual(["alice", "Bob", "robert"]),
            $"The room should hold alice, Bob and robert; it holds [{string.Join(", ", room.Nicknames)}].");
    }

    [Fact(DisplayName = "A rename to a name that breaks the rules is refused with the reason, and changes nothing")]
    public void A_rename_to_a_name_that_breaks_the_rules_is_refused_with_the_reason()
    {
        var room = new Room();
        var alice = new RecordingMember("alice");
        Assert.True(room.TryJoin(alice, "alice", out _), "alice could not join an empty room.");

        var renamed = room.TryRename(alice, "9lives", out var error);

        Assert.False(renamed, "TryRename(alice, \"9lives\") must be refused: a nickname starts with a letter (the same rules as TryJoin).");
        Assert.True(error?.StartsWith(ChatLines.InvalidNickname(""), StringComparison.Ordinal) == true,
            $"The error was {Show.Text(error)}, expected one starting with {Show.Text(ChatLines.InvalidNickname(""))} (use NicknameRules).");
        Assert.True(room.NicknameOf(alice) == "alice" && alice.Lines.SequenceEqual([ChatLines.Joined("alice")]),
            $"A refused rename changes nothing and announces nothing: alice is {Show.Text(room.NicknameOf(alice))} and was handed {alice.Shown()}.");
    }
}
