using System.Net.Sockets;
using System.Text;
using SocketCourse.ChatRoom;

namespace SocketCourse.ChatProtocol;

/// <summary>
/// The chat protocol, graded over real connections (lessons/06-chat-room/README.md states it). Shared by every lesson
/// whose server speaks it: a derived class in the lesson's test project says how to start its server and carries the
/// Lesson and Step traits.
/// </summary>
public abstract class ChatProtocolGraders
{
    /// <summary>Starts the server under test on 127.0.0.1, port 0, with a room of its own.</summary>
    protected abstract Task<IChatServerUnderTest> StartServerAsync();

    [Fact(DisplayName = "Three members chatting at once: every line reaches every other member exactly once, in the sender's order")]
    public async Task Every_line_reaches_every_other_member_exactly_once_in_order()
    {
        await using var server = await StartServerAsync();
        var names = new[] { "alice", "bob", "carol" };
        var members = new List<ChatPeer>();
        try
        {
            foreach (var name in names)
            {
                var joining = await ChatPeer.JoinAsync(server.EndPoint, name);
                foreach (var earlier in members)
                    await earlier.ExpectLineAsync(ChatLines.Joined(name), $"{earlier.Name} is told when {name} joins");
                members.Add(joining);
            }

            const int perMember = 40;
            string Line(string who, int i) => $"{who} says {i} · 你好";
            // Everyone talks at once: three session threads broadcast into the same room at the same time.
            var sending = members.Select(async m =>
            {
                for (var i = 0; i < perMember; i++) await m.SendLineAsync(Line(m.Name, i));
            }).ToList();
            var reading = members.Select(m => ReadChatAsync(m, 2 * perMember)).ToList();
            await Task.WhenAll(sending);
            var received = await Task.WhenAll(reading);

            for (var r = 0; r < members.Count; r++)
            {
                var me = members[r].Name;
                var own = received[r].Where(l => l.StartsWith($"<{me}> ", StringComparison.Ordinal)).ToList();
                Assert.True(own.Count == 0,
                    $"{me} received its own line back: {Show.Text(own.FirstOrDefault())}. The sender does not get its own chat line " +
                    "(broadcast to every member but the sender).");
                foreach (var sender in names.Where(n => n != me))
                {
                    var expected = Enumerable.Range(0, perMember).Select(i => ChatLines.Chat(sender, Line(sender, i))).ToList();
                    var got = received[r].Where(l => l.StartsWith($"<{sender}> ", StringComparison.Ordinal)).ToList();
                    Assert.True(got.SequenceEqual(expected),
                        $"{me} should have received {sender}'s {perMember} lines once each, in the order sent; it received {got.Count} of them" +
                        FirstDifference(expected, got) + ". Lines from one sender are delivered by that sender's thread one after " +
                        "the other, and each member's lines go out in the order they were handed over.");
                }
            }

            // Nothing more is on its way: each member's next line is the answer to its own /who.
            foreach (var m in members)
            {
                await m.SendLineAsync("/who");
                await m.ExpectLineAsync(ChatLines.Members(names),
                    "after every chat line had arrived, the next line must be the answer to /who (a line delivered twice would come first)");
            }
        }
        finally
        {
            foreach (var m in members) m.Dispose();
        }
    }

    [Fact(DisplayName = "Joining and leaving are announced; /quit gets a bye and a clean close")]
    public async Task Joining_and_leaving_are_announced_and_quit_gets_bye_and_a_clean_close()
    {
        await using var server = await StartServerAsync();
        using var alice = await ChatPeer.JoinAsync(server.EndPoint, "alice");
        using var bob = await ChatPeer.JoinAsync(server.EndPoint, "bob");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "every member is told when someone joins");

        await bob.SendLineAsync("/quit");
        await bob.ExpectLineAsync(ChatLines.Bye, "/quit is answered with a bye before the server closes");
        await bob.ExpectClosedAsync("after /quit and the bye, the server closes the connection");
        await alice.ExpectLineAsync(ChatLines.Left("bob"), "the others are told when a member quits");

        using var carol = await ChatPeer.JoinAsync(server.EndPoint, "carol");
        await alice.ExpectLineAsync(ChatLines.Joined("carol"), "every member is told when someone joins");
        carol.Socket.Shutdown(SocketShutdown.Send); // carol simply closes, without /quit
        await alice.ExpectLineAsync(ChatLines.Left("carol"),
            "a member whose connection ends (end of stream) without /quit has left too: the others are told");
        await carol.ExpectClosedAsync("the server closes a connection that ended");
    }

    [Fact(DisplayName = "A nickname taken in another letter case, or breaking the rules, is refused and the next try works")]
    public async Task A_nickname_taken_in_another_case_or_invalid_is_refused_and_the_next_try_works()
    {
        await using var server = await StartServerAsync();
        using var alice = await ChatPeer.JoinAsync(server.EndPoint, "Alice");
        using var second = await ChatPeer.ConnectAndGreetAsync(server.EndPoint, "the second client");

        await second.SendLineAsync("alice");
        await second.ExpectLineAsync(ChatLines.NicknameTaken("alice"),
            "nicknames are unique without regard to letter case: \"alice\" is taken once \"Alice\" is (StringComparer.OrdinalIgnoreCase)");
        foreach (var bad in new[] { "9lives", "has space", "toolong_nickname_x", "émile" })
        {
            await second.SendLineAsync(bad);
            var reply = await second.ReadLineAsync($"the reply to the invalid nickname {Show.Text(bad)}");
            Assert.True(reply.StartsWith(ChatLines.InvalidNickname(""), StringComparison.Ordinal),
                $"The nickname {Show.Text(bad)} breaks the rules (1-16 ASCII letters, digits, _ or -, starting with a letter); the reply " +
                $"was {Show.Text(reply)}, expected one starting with {Show.Text(ChatLines.InvalidNickname(""))}.");
        }
        await second.SendLineAsync("bob");
        await second.ExpectLineAsync(ChatLines.Joined("bob"), "after a refused nickname the connection stays open and the next line is the next try");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "only the accepted nickname is announced");
    }

    [Fact(DisplayName = "/who lists the members sorted; /msg reaches its addressee only; bad commands get an error")]
    public async Task Who_lists_members_and_msg_reaches_its_addressee_only()
    {
        await using var server = await StartServerAsync();
        using var carol = await ChatPeer.JoinAsync(server.EndPoint, "carol");
        using var bob = await ChatPeer.JoinAsync(server.EndPoint, "Bob");
        using var alice = await ChatPeer.JoinAsync(server.EndPoint, "alice");
        await carol.ExpectLineAsync(ChatLines.Joined("Bob"), "carol is told Bob joined");
        await carol.ExpectLineAsync(ChatLines.Joined("alice"), "carol is told alice joined");
        await bob.ExpectLineAsync(ChatLines.Joined("alice"), "Bob is told alice joined");

        await alice.SendLineAsync("/who");
        await alice.ExpectLineAsync(ChatLines.Members(["alice", "Bob", "carol"]),
            "/who lists every member, sorted without regard to letter case, to the asker only");

        await alice.SendLineAsync("/msg bob psst, 秘密");
        await bob.ExpectLineAsync(ChatLines.Private("alice", "psst, 秘密"), "/msg NAME text reaches NAME (letter case aside)");
        await alice.SendLineAsync("out loud");
        await carol.ExpectLineAsync(ChatLines.Chat("alice", "out loud"),
            "carol's next line must be alice's public line: the private message is for Bob only");
        await bob.ExpectLineAsync(ChatLines.Chat("alice", "out loud"), "Bob gets alice's public line");

        var errors = new (string Sent, string Expected)[]
        {
            ("/msg nobody hello", ChatLines.NoSuchMember("nobody")),
            ("/msg bob", ChatLines.MsgUsage),
            ("/frobnicate now", ChatLines.UnknownCommand("/frobnicate")),
        };
        foreach (var (sent, expected) in errors)
        {
            await alice.SendLineAsync(sent);
            await alice.ExpectLineAsync(expected, $"the error reply to {Show.Text(sent)}; a successful /msg sends nothing back, so this is the next line");
        }
        await alice.SendLineAsync("/who");
        await alice.ExpectLineAsync(ChatLines.Members(["alice", "Bob", "carol"]), "errors change nothing: everyone is still there");
    }

    [Fact(DisplayName = "/nick renames a member and tells everyone; a taken name is refused")]
    public async Task Nick_renames_a_member_and_tells_everyone()
    {
        await using var server = await StartServerAsync();
        using var alice = await ChatPeer.JoinAsync(server.EndPoint, "alice");
        using var bob = await ChatPeer.JoinAsync(server.EndPoint, "bob");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "alice is told bob joined");

        await bob.SendLineAsync("/nick ALICE");
        await bob.ExpectLineAsync(ChatLines.NicknameTaken("ALICE"), "/nick to a name another member holds, in any letter case, is refused");
        await bob.SendLineAsync("/nick robert");
        await bob.ExpectLineAsync(ChatLines.Renamed("bob", "robert"), "the renamed member is told too");
        await alice.ExpectLineAsync(ChatLines.Renamed("bob", "robert"), "every member is told of a rename");
        await bob.SendLineAsync("hi");
        await alice.ExpectLineAsync(ChatLines.Chat("robert", "hi"), "after /nick, chat lines carry the new name");
    }

    [Fact(DisplayName = "A member that resets in the middle of a line is removed and the others are told it left")]
    public async Task A_member_that_resets_mid_line_is_removed_and_the_others_are_told()
    {
        await using var server = await StartServerAsync();
        using var alice = await ChatPeer.JoinAsync(server.EndPoint, "alice");
        var bob = await ChatPeer.JoinAsync(server.EndPoint, "bob");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "alice is told bob joined");

        await bob.SendAsync(Encoding.UTF8.GetBytes("half a li")); // no line end
        await Task.Delay(50);
        bob.Reset();
        await alice.ExpectLineAsync(ChatLines.Left("bob"),
            "a connection reset (even in the middle of a line) ends the session: catch the SocketException/IOException, leave the room, disconnect");

        using var again = await ChatPeer.JoinAsync(server.EndPoint, "bob");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "the name of a member who left is free again");
        Assert.True(server.Room.Count == 2, $"alice and the new bob are in the room, but Room.Count is {server.Room.Count}.");
    }

    [Fact(DisplayName = "A line over 1024 bytes gets an error and a close; invalid UTF-8 gets an error; the others are unaffected")]
    public async Task Oversized_lines_and_invalid_UTF8_get_an_error_and_change_nothing_for_the_others()
    {
        await using var server = await StartServerAsync();
        using var alice = await ChatPeer.JoinAsync(server.EndPoint, "alice");
        using var bob = await ChatPeer.JoinAsync(server.EndPoint, "bob");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "alice is told bob joined");

        await bob.SendAsync(new byte[] { 0xC3, 0x28, (byte)'\n' });
        await bob.ExpectLineAsync(ChatLines.NotUtf8, "a line that is not valid UTF-8 gets an error, and the connection stays");
        var atLimit = new string('x', ChatLimits.MaxLineBytes);
        await bob.SendLineAsync(atLimit);
        await alice.ExpectLineAsync(ChatLines.Chat("bob", atLimit),
            "the invalid line is dropped (alice gets nothing for it), and a line of exactly 1024 bytes is a normal chat line");

        await bob.SendAsync(Encoding.ASCII.GetBytes(new string('y', ChatLimits.MaxLineBytes + 1))); // one byte over, no line end
        await bob.ExpectLineAsync(ChatLines.LineTooLong,
            "1025 bytes without a line end are over the limit: say so at once (do not wait for the line end)");
        await bob.ExpectClosedAsync("after a line over the limit the server closes the connection (it cannot find the next line)");
        await alice.ExpectLineAsync(ChatLines.Left("bob"), "the others are told the member left");
        await alice.SendLineAsync("/who");
        await alice.ExpectLineAsync(ChatLines.Members(["alice"]), "alice is still served");
    }

    [Fact(DisplayName = "Two clients racing for the same nickname: exactly one wins, every time")]
    public async Task Two_clients_racing_for_one_nickname_exactly_one_wins()
    {
        await using var server = await StartServerAsync();
        for (var round = 0; round < 15; round++)
        {
            var name = $"racer{round}";
            using var first = await ChatPeer.ConnectAndGreetAsync(server.EndPoint, $"racer A of round {round}");
            using var second = await ChatPeer.ConnectAndGreetAsync(server.EndPoint, $"racer B of round {round}");
            await Task.WhenAll(first.SendLineAsync(name), second.SendLineAsync(name));
            var replies = await Task.WhenAll(
                first.ReadLineAsync($"the reply to nickname {name}"), second.ReadLineAsync($"the reply to nickname {name}"));
            var wins = replies.Count(r => r == ChatLines.Joined(name));
            Assert.True(wins == 1 && replies.Contains(ChatLines.NicknameTaken(name)),
                $"Two clients asked for {Show.Text(name)} at the same moment; the replies were {Show.Text(replies[0])} and {Show.Text(replies[1])}: " +
                "exactly one must join and the other get \"nickname taken\". Checking that a name is free and taking it must be one step " +
                "under the room's lock (Dictionary.TryAdd inside the lock), or both threads see it free.");
            Assert.True(server.Room.Count == 1, $"After round {round} the room should hold 1 member; Room.Count is {server.Room.Count}.");
            first.Reset();
            second.Reset();
            await Eventually.TrueAsync(() => server.Room.Count == 0, "the room to be empty after both racers reset",
                () => $"Room.Count is {server.Room.Count}.");
        }
    }

    [Fact(DisplayName = "Stop tells every connection the server is shutting down, closes them, and frees the port")]
    public async Task Stop_tells_everyone_closes_every_connection_and_frees_the_port()
    {
        var server = await StartServerAsync();
        await using var _ = server;
        var endpoint = server.EndPoint;
        using var alice = await ChatPeer.JoinAsync(endpoint, "alice");
        using var bob = await ChatPeer.JoinAsync(endpoint, "bob");
        using var shy = await ChatPeer.ConnectAndGreetAsync(endpoint, "a client that has not given a nickname yet");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "alice is told bob joined");

        await server.StopAsync();
        foreach (var peer in new[] { alice, bob, shy })
        {
            await peer.ExpectLineAsync(ChatLines.ShuttingDown, "on Stop every connection, joined or not, is told the server is shutting down");
            await peer.ExpectClosedAsync("after the shutdown notice, Stop closes every connection");
        }
        Assert.True(server.Room.Count == 0, $"After Stop the room should be empty; Room.Count is {server.Room.Count}.");
        using var again = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            again.Bind(endpoint);
        }
        catch (SocketException e)
        {
            throw new GradingException($"After Stop the port {endpoint.Port} could not be bound again: {Explain.Exception(e)} Dispose the listening socket.", e);
        }
    }

    private static async Task<List<string>> ReadChatAsync(ChatPeer peer, int count)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            var line = await peer.ReadLineAsync($"chat line {lines.Count + 1} of {count} (each of the other two members sends 40)");
            if (!ChatLines.IsNotice(line)) lines.Add(line);
        }
        return lines;
    }

    private static string FirstDifference(List<string> expected, List<string> got)
    {
        for (var i = 0; i < Math.Max(expected.Count, got.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var g = i < got.Count ? got[i] : null;
            if (e != g) return $"; at position {i} it expected {Show.Text(e)} and got {Show.Text(g)}";
        }
        return "";
    }
}
