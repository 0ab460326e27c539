using System.Net.Sockets;
using System.Text;
using SocketCourse.ChatRoom;

namespace SocketCourse.ChatProtocol;

/// <summary>
/// The slow consumer problem, graded over real connections: a member who never reads must not hold up the others, and
/// is dropped under the stated policy. Shared by every lesson whose server speaks the chat protocol.
/// </summary>
public abstract class SlowConsumerGraders
{
    /// <summary>Starts the server under test on 127.0.0.1, port 0, with a room of its own and its outboxes at their default size.</summary>
    protected abstract Task<IChatServerUnderTest> StartServerAsync();

    /// <summary>How many lines the 4 MB flood holds, each of <see cref="FloodLineBytes"/> bytes.</summary>
    protected const int FloodLines = 4096;

    /// <summary>The length of each flood line (under the 1024-byte limit).</summary>
    protected const int FloodLineBytes = 1000;

    /// <summary>How long another member may wait for the next line of the flood.</summary>
    protected static readonly TimeSpan MaxWaitPerLine = TimeSpan.FromSeconds(1);

    [Fact(DisplayName = "A member that never reads while 4 MB is broadcast does not delay the others, and is dropped as too slow")]
    public async Task A_member_that_never_reads_does_not_delay_the_others_and_is_dropped()
    {
        await using var server = await StartServerAsync();
        using var alice = await ChatPeer.JoinAsync(server.EndPoint, "alice");
        using var bob = await ChatPeer.JoinAsync(server.EndPoint, "bob");
        using var carol = await ChatPeer.JoinAsync(server.EndPoint, "carol");
        // A small receive buffer (set before connecting, so the TCP window stays small): the member's share of the flood
        // piles up at the server instead of in this process.
        var slow = await ChatPeer.JoinAsync(server.EndPoint, "slow", receiveBufferBytes: 4096);
        try
        {
            foreach (var (peer, joined) in new[] { (alice, "bob"), (alice, "carol"), (alice, "slow"), (bob, "carol"), (bob, "slow"), (carol, "slow") })
                await peer.ExpectLineAsync(ChatLines.Joined(joined), $"{peer.Name} is told {joined} joined");

            var lines = Enumerable.Range(0, FloodLines).Select(i => $"{i:D5} " + new string((char)('a' + i % 26), FloodLineBytes - 6)).ToList();
            var flood = Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => l + "\n")));
            // The slow member never reads from here on. alice sends 4 MB; bob and carol read as fast as they can.
            var sending = alice.SendAsync(flood, timeout: TimeSpan.FromSeconds(30));
            var readers = new[] { bob, carol }.Select(p => ReadFloodAsync(p, lines)).ToList();
            var verdicts = await Task.WhenAll(readers);
            await sending.Within(Deadlines.Default, "alice's 4 MB to be sent once bob and carol had every line");

            foreach (var (peer, sawDrop) in verdicts)
                if (!sawDrop)
                    await peer.ExpectLineAsync(ChatLines.DroppedTooSlow("slow"),
                        "a member whose outbox overflows is dropped, and the others are told \"* slow left (too slow)\"");
            await ExpectConnectionEndsAsync(slow);
            Assert.True(server.Room.Count == 3 && !server.Room.Nicknames.Contains("slow"),
                $"After the drop the room should hold alice, bob and carol; it holds {string.Join(", ", server.Room.Nicknames)}.");

            await bob.SendLineAsync("still here");
            await carol.ExpectLineAsync(ChatLines.Chat("bob", "still here"), "the room goes on without the slow member");
        }
        finally
        {
            slow.Dispose();
        }
    }

    // Reads the whole flood at one member, in order, allowing MaxWaitPerLine for each line; notices in between are fine.
    private static async Task<(ChatPeer Peer, bool SawDrop)> ReadFloodAsync(ChatPeer peer, List<string> lines)
    {
        var sawDrop = false;
        var next = 0;
        while (next < lines.Count)
        {
            string line;
            try
            {
                line = await peer.ReadLineAsync($"line {next + 1} of alice's {lines.Count}", MaxWaitPerLine);
            }
            catch (GradingTimeoutException)
            {
                throw new GradingException(
                    $"{peer.Name} had {next} of alice's {lines.Count} lines (1,000 bytes each) and then waited more than " +
                    $"{MaxWaitPerLine.TotalSeconds:0} s for the next one, while a member that never reads was in the room. A broadcast that " +
                    "writes to each member's socket in turn stops at the first member whose TCP buffers are full, and everyone waits for " +
                    "that one. Give each member a bounded outbox and a writer thread, and make TryDeliver only queue. " +
                    $"(The last line {peer.Name} received: {Show.Text(peer.Received.LastOrDefault(), 40)}.)");
            }
            if (line == ChatLines.DroppedTooSlow("slow"))
            {
                sawDrop = true;
                continue;
            }
            var expected = ChatLines.Chat("alice", lines[next]);
            if (line != expected)
                throw new GradingException($"{peer.Name} expected alice's line {next + 1}, {Show.Text(expected, 40)}, but received {Show.Text(line, 40)}. " +
                                           "Every other member gets every line, in order, even while one member is too slow.");
            next++;
        }
        return (peer, sawDrop);
    }

    // The dropped member's connection must end at once. Reading would let a server that drains the outbox first finish
    // its drain, so where the harness can see the server's socket (Linux), look at it without reading: it must be closed.
    // Then the unread lines may still be in the slow member's buffer: read them away, up to the end of the stream.
    private static async Task ExpectConnectionEndsAsync(ChatPeer slow)
    {
        if (SocketLeaks.CanCheck)
        {
            await Eventually.TrueAsync(() => SocketLeaks.IsConnectionOpen(slow.RemoteEndPoint, slow.LocalEndPoint) != true,
                "the server to close the slow member's socket while the slow member still does not read",
                () => "The server still holds the slow member's socket open. A member dropped as too slow is not reading: do not wait to " +
                      "send it what is queued (that wait lasts as long as it chooses not to read). Throw its lines away and close at once " +
                      "(cancel the pending write).");
        }
        var buffer = new byte[256 * 1024];
        using var cts = new CancellationTokenSource(Deadlines.Default);
        try
        {
            while (await slow.Socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(Deadlines.Default, "the slow member's connection to be closed by the server",
                "When a member is dropped as too slow, Disconnect must close its connection at once (do not wait to send it the rest).");
        }
        catch (SocketException)
        {
            // A reset is a fine way to cut off a member who does not read.
        }
    }
}
