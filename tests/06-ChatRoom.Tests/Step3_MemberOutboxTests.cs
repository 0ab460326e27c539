using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 3: the outbox on its own, over a real connection: a sender faster than the writer waits for room, Disconnect
/// refuses new lines but sends the queued ones, an overflow is reported and cut at once, a writer stuck on a peer that
/// does not read is cut after the drain timeout, and a failed connection is not "too slow". Found by mutation testing
/// (.ci/mutation): through the server, the room and Stop's own cut hid each of these.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "3")]
public sealed class Step3_MemberOutboxTests
{
    /// <summary>A connection whose grader end has a small receive buffer and does not read unless asked to.</summary>
    private sealed class Connection : IDisposable
    {
        private Connection(Socket grader, Socket learner)
        {
            Grader = grader;
            Learner = learner;
        }

        public Socket Grader { get; }
        public Socket Learner { get; }

        public static async Task<Connection> OpenAsync()
        {
            using var listener = LoopbackListener.Start();
            // Small buffers, set before connecting, so a peer that does not read stops the outbox's writer soon.
            var grader = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            var connecting = grader.ConnectAsync(listener.EndPoint);
            var learner = (await listener.AcceptAsync("the grader's own loopback connection")).Socket;
            await connecting.Within(Deadlines.Default, "the grader's own loopback connect");
            learner.SendBufferSize = 4096;
            return new Connection(grader, learner);
        }

        public void Dispose()
        {
            Grader.Dispose();
            Learner.Dispose();
        }
    }

    // Reads lines at the grader's end until count lines have come (or end of stream), within the deadline.
    private static async Task<List<string>> ReadLinesAsync(Socket socket, int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var lines = new List<string>();
        var pending = new List<byte>();
        var buffer = new byte[64 * 1024];
        try
        {
            while (lines.Count < count)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0) break;
                foreach (var b in buffer.AsSpan(0, n))
                {
                    if (b != (byte)'\n')
                    {
                        pending.Add(b);
                        continue;
                    }
                    lines.Add(Encoding.UTF8.GetString([.. pending]));
                    pending.Clear();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The caller judges what arrived.
        }
        return lines;
    }

    [Fact(DisplayName = "A sender faster than the writer waits for room, and every line arrives in order")]
    public async Task A_sender_faster_than_the_writer_waits_for_room_and_every_line_arrives_in_order()
    {
        using var connection = await Connection.OpenAsync();
        var outbox = new MemberOutbox(connection.Learner, capacity: 2);
        try
        {
            const int count = 100;
            var reading = ReadLinesAsync(connection.Grader, count, TimeSpan.FromSeconds(10));
            var refused = await CodeUnderTest.Finish(OwnThread.Start(() =>
                Enumerable.Range(0, count).Count(i => !outbox.TryDeliver($"line {i}")), "grader: a fast sender"),
                $"{count} TryDeliver calls into an outbox of capacity 2 whose peer reads", TimeSpan.FromSeconds(10));
            var lines = await reading;

            Assert.True(refused == 0 && !outbox.Overflowed,
                $"{refused} of {count} lines were refused (Overflowed: {outbox.Overflowed}) although the peer read everything: a full queue " +
                "is not a slow member yet. Wait for room (Monitor.Wait with what is left of MemberOutbox.RoomWait), and have the writer wake " +
                "the waiting senders (Monitor.PulseAll) whenever it takes lines out.");
            Assert.True(lines.SequenceEqual(Enumerable.Range(0, count).Select(i => $"line {i}")),
                $"The peer received {lines.Count} of {count} lines{(lines.Count > 0 ? $", the last {Show.Text(lines[^1])}" : "")}; every line, in order, was expected.");
        }
        finally
        {
            outbox.Disconnect();
            outbox.WaitClosed(Deadlines.Default);
        }
    }

    [Fact(DisplayName = "After Disconnect TryDeliver refuses, and the lines queued before still arrive")]
    public async Task After_Disconnect_TryDeliver_refuses_and_the_lines_queued_before_still_arrive()
    {
        using var connection = await Connection.OpenAsync();
        var outbox = new MemberOutbox(connection.Learner);

        Assert.True(outbox.TryDeliver("one") && outbox.TryDeliver("two"), "TryDeliver refused a line to a fresh outbox.");
        outbox.Disconnect();
        var late = outbox.TryDeliver("three");
        var lines = await ReadLinesAsync(connection.Grader, 3, Deadlines.Default);

        Assert.False(late, "TryDeliver after Disconnect returned true; a disconnected member takes no more lines (it returns false).");
        Assert.True(lines.SequenceEqual(["one", "two"]),
            $"The peer received [{string.Join(", ", lines.Select(l => Show.Text(l)))}]; the two lines queued before Disconnect, and nothing after, were expected.");
        Assert.True(outbox.WaitClosed(Deadlines.Default), "After sending what was queued, the writer should close the connection (WaitClosed).");
    }

    [Fact(DisplayName = "An outbox whose peer never reads overflows, says so, and is cut at once")]
    public async Task An_outbox_whose_peer_never_reads_overflows_says_so_and_is_cut_at_once()
    {
        using var connection = await Connection.OpenAsync();
        var outbox = new MemberOutbox(connection.Learner, capacity: 4);
        try
        {
            var line = new string('x', 1000);
            var accepted = await CodeUnderTest.Finish(OwnThread.Start(() =>
            {
                var n = 0;
                while (n < 10_000 && outbox.TryDeliver(line)) n++;
                return n;
            }, "grader: a sender to a peer that never reads"), "TryDeliver to refuse a line once the writer is stuck and the queue stays full",
                TimeSpan.FromSeconds(10));

            Assert.True(accepted < 10_000, "10,000 lines of 1,000 bytes were accepted for a peer that reads nothing; the queue is bounded (capacity 4).");
            Assert.True(outbox.Overflowed, "TryDeliver refused a line because the queue stayed full, but Overflowed is false; it reports exactly that.");

            outbox.Disconnect();
            Assert.True(outbox.WaitClosed(TimeSpan.FromSeconds(1.5)),
                $"After an overflow, Disconnect should close the connection at once; the writer was still running 1.5 s later (the drain " +
                $"timeout is {MemberOutbox.DrainTimeout.TotalSeconds:0} s). A member dropped as too slow is not reading: throw its lines away and " +
                "cancel the write that waits for it.");
        }
        finally
        {
            outbox.Disconnect();
            outbox.WaitClosed(Deadlines.Default);
        }
    }

    [Fact(DisplayName = "Disconnect gives a writer stuck on a peer that does not read the drain timeout, then closes")]
    public async Task Disconnect_gives_a_stuck_writer_the_drain_timeout_then_closes()
    {
        using var connection = await Connection.OpenAsync();
        var outbox = new MemberOutbox(connection.Learner, capacity: 2000);
        try
        {
            var line = new string('y', 1000);
            for (var i = 0; i < 1000; i++)
                Assert.True(outbox.TryDeliver(line), $"Line {i + 1} of 1,000 was refused by an outbox of capacity 2,000.");
            // 1 MB for a peer that reads nothing: the writer is soon stuck in a send that cannot finish.

            outbox.Disconnect();
            var closed = await Task.Run(() => outbox.WaitClosed(MemberOutbox.DrainTimeout + TimeSpan.FromSeconds(2)));

            Assert.True(closed,
                $"After Disconnect the writer was still running {MemberOutbox.DrainTimeout.TotalSeconds + 2:0} s later: a send to a peer " +
                $"that does not read never finishes on its own. Give the lines queued before Disconnect MemberOutbox.DrainTimeout " +
                "(CancellationTokenSource.CancelAfter on the token the writes use), then close.");
        }
        finally
        {
            outbox.Disconnect();
            outbox.WaitClosed(Deadlines.Default);
        }
    }

    [Fact(DisplayName = "Once the connection has failed, TryDeliver takes lines without calling the member too slow")]
    public async Task Once_the_connection_has_failed_TryDeliver_takes_lines_without_calling_the_member_too_slow()
    {
        using var connection = await Connection.OpenAsync();
        var outbox = new MemberOutbox(connection.Learner, capacity: 2);
        try
        {
            connection.Grader.LingerState = new LingerOption(true, 0);
            connection.Grader.Close(); // a reset: the peer is gone
            for (var i = 0; i < 200 && !outbox.WaitClosed(TimeSpan.Zero); i++)
            {
                outbox.TryDeliver($"probe {i}"); // a write is what finds the reset
                await Task.Delay(10);
            }
            Assert.True(outbox.WaitClosed(Deadlines.Default), "The peer reset the connection, but the writer kept running after 200 lines were queued for it.");

            var results = Enumerable.Range(0, 5).Select(i => outbox.TryDeliver($"after {i}")).ToList();

            Assert.True(results.All(ok => ok) && !outbox.Overflowed,
                $"After the connection failed, TryDeliver returned [{string.Join(", ", results)}] (Overflowed: {outbox.Overflowed}). A member " +
                "whose connection is gone is not too slow: take the line (and throw it away) and return true, so the room does not announce " +
                "it as dropped; its session finds the connection ended and leaves, and the others hear it left.");
        }
        finally
        {
            outbox.Disconnect();
            outbox.WaitClosed(Deadlines.Default);
        }
    }
}
