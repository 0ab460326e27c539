namespace SocketCourse.ChatRoom.Tests;

/// <summary>Step 1: the room, a registry shared by many threads, graded with members that have no connection.</summary>
[Trait("Lesson", "06")]
[Trait("Step", "1")]
public sealed class Step1_RoomTests
{
    private static RecordingMember Join(Room room, string name)
    {
        var member = new RecordingMember(name);
        var joined = room.TryJoin(member, name, out var error);
        Assert.True(joined, $"TryJoin({Show.Text(name)}) into a room where the name is free was refused: {Show.Text(error)}.");
        return member;
    }

    private static void ExpectLines(RecordingMember member, string why, params string[] expected) =>
        Assert.True(member.Lines.SequenceEqual(expected),
            $"{member.Name} should have been handed [{string.Join(", ", expected.Select(e => Show.Text(e)))}] ({why}), but got {member.Shown()}.");

    [Fact(DisplayName = "Joining tells every member, the newcomer included; Count, Nicknames and NicknameOf follow")]
    public void Joining_tells_every_member_and_the_registry_follows()
    {
        var room = new Room();
        var carol = Join(room, "carol");
        var alice = Join(room, "alice");
        var bob = Join(room, "Bob");

        ExpectLines(carol, "every member is told of each join", ChatLines.Joined("carol"), ChatLines.Joined("alice"), ChatLines.Joined("Bob"));
        ExpectLines(bob, "the newcomer is told of its own join too", ChatLines.Joined("Bob"));
        Assert.True(room.Count == 3, $"Three members joined; Count is {room.Count}.");
        Assert.True(room.Nicknames.SequenceEqual(["alice", "Bob", "carol"]),
            $"Nicknames should be sorted without regard to case (alice, Bob, carol); it was {string.Join(", ", room.Nicknames)}.");
        Assert.True(room.NicknameOf(alice) == "alice" && room.NicknameOf(new RecordingMember("stranger")) is null,
            $"NicknameOf(alice) was {Show.Text(room.NicknameOf(alice))}; it is the name a member joined with, and null for a non-member.");
    }

    [Fact(DisplayName = "A nickname taken in another letter case, or breaking the rules, is refused with the right error")]
    public void A_taken_or_invalid_nickname_is_refused_with_the_right_error()
    {
        var room = new Room();
        var alice = Join(room, "alice");
        var other = new RecordingMember("other");

        Assert.False(room.TryJoin(other, "ALICE", out var taken), "\"ALICE\" must be refused while \"alice\" is a member: names are unique without regard to case.");
        Assert.True(taken == ChatLines.NicknameTaken("ALICE"), $"The error was {Show.Text(taken)}, expected {Show.Text(ChatLines.NicknameTaken("ALICE"))}.");
        Assert.False(room.TryJoin(other, "9lives", out var invalid), "\"9lives\" breaks the rules and must be refused.");
        Assert.True(invalid?.StartsWith(ChatLines.InvalidNickname(""), StringComparison.Ordinal) == true,
            $"The error was {Show.Text(invalid)}, expected one starting with {Show.Text(ChatLines.InvalidNickname(""))} (use NicknameRules).");
        Assert.True(room.Count == 1 && other.Lines.Count == 0 && alice.Lines.Count == 1,
            $"A refused join changes nothing and announces nothing: Count is {room.Count}; alice got {alice.Shown()}.");
    }

    [Fact(DisplayName = "Broadcast reaches every member but the sender; SendPrivate reaches its addressee only")]
    public void Broadcast_reaches_everyone_but_the_sender_and_SendPrivate_only_its_addressee()
    {
        var room = new Room();
        var alice = Join(room, "alice");
        var bob = Join(room, "bob");
        var carol = Join(room, "carol");

        room.Broadcast(alice, "hello, 大家");
        var sent = room.SendPrivate(carol, "BOB", "psst");
        var nobody = room.SendPrivate(carol, "dave", "hello?");

        ExpectLines(alice, "the sender does not get its own line back", ChatLines.Joined("alice"), ChatLines.Joined("bob"), ChatLines.Joined("carol"));
        ExpectLines(bob, "a broadcast reaches every other member; a private message its addressee (case aside)",
            ChatLines.Joined("bob"), ChatLines.Joined("carol"), ChatLines.Chat("alice", "hello, 大家"), ChatLines.Private("carol", "psst"));
        ExpectLines(carol, "a private message goes to its addressee only", ChatLines.Joined("carol"), ChatLines.Chat("alice", "hello, 大家"));
        Assert.True(sent && !nobody, $"SendPrivate returns true when the addressee exists ({sent}) and false when nobody has the name ({nobody}).");
    }

    [Fact(DisplayName = "Leave tells the others and frees the name; a rename tells everyone")]
    public void Leave_tells_the_others_and_frees_the_name_and_a_rename_tells_everyone()
    {
        var room = new Room();
        var alice = Join(room, "alice");
        var bob = Join(room, "bob");

        Assert.True(room.TryRename(bob, "robert", out var error), $"Renaming bob to a free name was refused: {Show.Text(error)}.");
        Assert.True(room.Leave(bob), "Leave returns true for a member.");
        Assert.False(room.Leave(bob), "Leave returns false for a member that has left already.");
        ExpectLines(alice, "a rename is told to everyone, and a leave to the others",
            ChatLines.Joined("alice"), ChatLines.Joined("bob"), ChatLines.Renamed("bob", "robert"), ChatLines.Left("robert"));
        Assert.True(bob.Disconnects == 0, "Leave must not disconnect the member: its session does that, after leaving.");
        Assert.True(room.Count == 1, $"After bob left, Count is {room.Count}, expected 1.");
        Join(room, "Robert"); // the name is free again
    }

    [Fact(DisplayName = "A member that refuses a line is dropped, disconnected, and announced as too slow")]
    public void A_member_that_refuses_a_line_is_dropped_and_announced_as_too_slow()
    {
        var room = new Room();
        var alice = Join(room, "alice");
        var bob = Join(room, "bob");
        var carol = Join(room, "carol");
        bob.Refuse = true;

        room.Broadcast(alice, "anyone there?");

        Assert.True(room.NicknameOf(bob) is null && room.Count == 2,
            $"bob's TryDeliver returned false (its outbox is full), so the room must drop it; Count is {room.Count}.");
        Assert.True(bob.Disconnects >= 1, "A dropped member must be disconnected (IChatMember.Disconnect).");
        // Whether carol gets the chat line or the drop notice first depends on the order the room delivers in: both are fine.
        Assert.True(carol.Lines.Order().SequenceEqual(new[] { ChatLines.Joined("carol"), ChatLines.Chat("alice", "anyone there?"), ChatLines.DroppedTooSlow("bob") }.Order()),
            $"carol should have been handed her join notice, alice's line and {Show.Text(ChatLines.DroppedTooSlow("bob"))}, each once; she got {carol.Shown()}.");
        ExpectLines(alice, "the others are told", ChatLines.Joined("alice"), ChatLines.Joined("bob"), ChatLines.Joined("carol"), ChatLines.DroppedTooSlow("bob"));
    }

    [Fact(DisplayName = "The room never calls a member while holding its lock: a slow delivery does not block the registry")]
    public async Task The_room_never_calls_a_member_while_holding_its_lock()
    {
        var room = new Room();
        var alice = Join(room, "alice");
        var bob = Join(room, "bob");
        bob.HoldDeliveries();
        try
        {
            var broadcasting = OwnThread.Start(() => room.Broadcast(alice, "hi"), "grader: alice broadcasts");
            await Task.Run(() => bob.Holding.Wait(Deadlines.Default)).Within(Deadlines.Default.Add(Deadlines.Short), "the broadcast to reach bob");
            if (broadcasting.IsFaulted) await broadcasting; // a stub's exception, as it is
            Assert.True(bob.Holding.IsSet, "The broadcast never called bob's TryDeliver.");

            // bob's TryDeliver is still running on alice's thread. A room that holds its lock while delivering would block here.
            var asking = CodeUnderTest.Start(() => Task.FromResult(room.Nicknames));
            var names = await CodeUnderTest.Finish(asking, "Nicknames (as /who asks) while a delivery to bob was still running",
                hint: "The room's lock must not be held while it calls TryDeliver: copy the recipients under the lock, release it, then deliver. " +
                      "Otherwise every thread waits for the slowest member.");
            Assert.True(names.Count == 2, $"Nicknames listed {names.Count} members, expected alice and bob.");
        }
        finally
        {
            bob.ReleaseDeliveries();
        }
    }

    [Fact(DisplayName = "Eight threads asking for one nickname at once: exactly one joins, every time")]
    public async Task Eight_threads_asking_for_one_nickname_exactly_one_joins()
    {
        for (var round = 0; round < 40; round++)
        {
            var room = new Room();
            var name = $"racer{round}";
            using var start = new Barrier(8);
            var attempts = Enumerable.Range(0, 8).Select(i => OwnThread.Start(() =>
            {
                start.SignalAndWait(Deadlines.Default);
                return room.TryJoin(new RecordingMember($"thread {i}"), name, out _);
            }, $"grader: racer {i}")).ToArray();
            var results = await Task.WhenAll(attempts).Within(Deadlines.Default, "eight TryJoin calls for the same name to return");
            Assert.True(results.Count(r => r) == 1 && room.Count == 1,
                $"Round {round}: {results.Count(r => r)} of 8 threads joined as {name} and Count is {room.Count}; exactly one may. Checking that " +
                "the name is free and taking it must happen in one step under the lock.");
        }
    }

    [Fact(DisplayName = "Eight threads joining, broadcasting and leaving at once leave the registry consistent and empty")]
    public async Task Eight_threads_joining_broadcasting_and_leaving_leave_the_registry_consistent()
    {
        var room = new Room();
        var observer = Join(room, "observer");
        var threads = Enumerable.Range(0, 8).Select(t => OwnThread.Start(() =>
        {
            for (var round = 0; round < 50; round++)
            {
                var member = new RecordingMember($"t{t}r{round}");
                if (!room.TryJoin(member, member.Name, out var error)) throw new InvalidOperationException($"TryJoin({member.Name}) failed: {error}");
                room.Broadcast(member, $"{member.Name} was here");
                _ = room.Nicknames;
                room.Leave(member);
            }
            return true;
        }, $"grader: churn {t}")).ToArray();
        await Task.WhenAll(threads).Within(TimeSpan.FromSeconds(10), "eight threads doing 50 rounds of join, broadcast, leave");

        Assert.True(room.Count == 1 && room.Nicknames.SequenceEqual(["observer"]),
            $"After every thread's members left, the room should hold the observer only; Count is {room.Count}. A Dictionary changed by " +
            "several threads without a lock loses or corrupts entries.");
        var chats = observer.Lines.Count(l => l.StartsWith('<'));
        Assert.True(chats == 400, $"The observer should have got all 400 chat lines (8 threads × 50); it got {chats}.");
    }

    [Fact(DisplayName = "Close tells every member the server is shutting down, disconnects them, and refuses new joins")]
    public void Close_tells_everyone_disconnects_them_and_refuses_new_joins()
    {
        var room = new Room();
        var alice = Join(room, "alice");
        var bob = Join(room, "bob");

        room.Close();

        foreach (var m in new[] { alice, bob })
        {
            Assert.True(m.Lines.LastOrDefault() == ChatLines.ShuttingDown, $"{m.Name}'s last line should be {Show.Text(ChatLines.ShuttingDown)}; it got {m.Shown()}.");
            Assert.True(m.Disconnects >= 1, $"{m.Name} was not disconnected by Close.");
        }
        Assert.True(room.Count == 0 && room.IsClosed, $"After Close, Count is {room.Count} and IsClosed {room.IsClosed}.");
        Assert.False(room.TryJoin(new RecordingMember("late"), "late", out var error), "After Close nobody may join.");
        Assert.True(error == ChatLines.ShuttingDown, $"A join after Close is refused with {Show.Text(ChatLines.ShuttingDown)}; the error was {Show.Text(error)}.");
    }
}
