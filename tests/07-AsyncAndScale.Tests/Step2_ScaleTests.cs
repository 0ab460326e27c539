using System.Diagnostics;
using SocketCourse.ChatProtocol;
using SocketCourse.ChatRoom;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 2 at scale, alone (it counts threads): a member costs two tasks, not two threads.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
[Collection(ThreadCountingCollection.Name)]
public sealed class Step2_ScaleTests
{
    [Fact(DisplayName = "1,000 connected members are greeted, on a few threads")]
    public async Task A_thousand_connected_members_are_greeted_on_a_few_threads()
    {
        const int clients = 1000;
        var problem = FileDescriptorLimit.EnsureAtLeast(2 * clients + 500);
        if (problem is not null) throw new GradingException($"This grader holds {clients} connections in one process and cannot: {problem}");
        var running = await AsyncRoomUnderTest.StartAsync();
        try
        {
            var before = ThreadCount.Now();
            var verdict = BlockingCrowd.OnOwnThread(() =>
            {
                using var crowd = new BlockingCrowd();
                var connected = crowd.Connect(running.EndPoint, clients, TimeSpan.FromSeconds(6));
                var greeted = crowd.ReadLineFromEach(ChatLines.Greeting, TimeSpan.FromSeconds(6));
                var peak = ThreadCount.Now();
                if (greeted != clients)
                    return $"{connected} of {clients} clients connected and {greeted} were greeted within 6 s; threads {before} before, {peak} after. " +
                           (peak - before >= clients / 2 ? "That is a thread (or two) per member: use a reader task and a writer task per member. " : "") +
                           "Each accepted client needs its reader task started at once, and its greeting queued in its outbox.";
                if (peak - before > ThreadCount.AllowedGrowth)
                    return $"With {clients} members connected the process had {peak} threads, {peak - before} more than before (allowed {ThreadCount.AllowedGrowth}). " +
                           (peak - before >= clients / 2
                               ? "That is a thread per member (lesson 06's design: a reader thread and a writer thread each). "
                               : "Something blocks pool threads (a blocking send or read, .Result, .Wait()). ") +
                           "Await the socket and the channel, so a quiet member holds no thread.";
                return null;
            }, TimeSpan.FromSeconds(20), $"{clients} members to connect and be greeted");
            if (verdict is not null) throw new GradingException(verdict);
        }
        finally
        {
            await running.DisposeAsync();
        }
    }

    [Fact(DisplayName = "Stop with twenty members tells each, and awaits every reader and writer task")]
    public async Task Stop_with_twenty_members_tells_each_and_awaits_every_reader_and_writer_task()
    {
        var running = await AsyncRoomUnderTest.StartAsync();
        var peers = new List<ChatPeer>();
        try
        {
            for (var i = 0; i < 20; i++) peers.Add(await ChatPeer.JoinAsync(running.EndPoint, $"member{i}"));
            var stopping = Stopwatch.StartNew();
            await running.StopAsync();
            Assert.True(stopping.Elapsed <= StopBudget.Limit,
                $"StopAsync took {stopping.Elapsed.TotalSeconds:0.0} s with 20 members connected; the lesson asks for a stop that frees " +
                $"everything within {StopBudget.Limit.TotalSeconds:0} s. " + StopBudget.Advice);
            Assert.True(running.Server.ConnectionCount == 0,
                $"After StopAsync the server still counted {running.Server.ConnectionCount} connections: await every member's reader task and its outbox's Completion before returning.");
            foreach (var peer in peers) await peer.ReadUntilAsync(ChatLines.ShuttingDown, $"the shutdown notice at {peer.Name}");
            foreach (var peer in peers) await peer.ExpectClosedAsync("after the shutdown notice the connection is closed", resetIsFine: true);
        }
        finally
        {
            await running.DisposeAsync();
            foreach (var peer in peers) peer.Dispose();
        }
    }
}

/// <summary>Step 2: clients come and go; nothing may be left. Runs alone (it counts sockets and threads).</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
[Collection(ThreadCountingCollection.Name)]
public sealed class Step2_ChurnTests : ChatChurnGraders
{
    protected override async Task<IChatServerUnderTest> StartServerAsync() => await AsyncRoomUnderTest.StartAsync();

    [Fact(DisplayName = "A member that quits gets its bye and a clean close, and its tasks end")]
    public async Task A_member_that_quits_gets_its_bye_and_a_clean_close_and_its_tasks_end()
    {
        await using var running = await AsyncRoomUnderTest.StartAsync();
        using var alice = await ChatPeer.JoinAsync(running.EndPoint, "alice");
        await alice.SendLineAsync("/quit");
        await alice.ReadUntilAsync(ChatLines.Bye, "the bye after /quit");
        await alice.ExpectClosedAsync("after /quit the server closes the connection with a FIN");
        var clock = Stopwatch.StartNew();
        while (running.Server.ConnectionCount != 0 && clock.Elapsed < Deadlines.Default) await Task.Delay(20);
        Assert.True(running.Server.ConnectionCount == 0,
            $"After alice quit and her connection closed, the server still counted {running.Server.ConnectionCount} connections: forget a member when its tasks end.");
    }
}
