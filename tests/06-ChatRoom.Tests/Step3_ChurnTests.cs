using SocketCourse.ChatProtocol;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 3: clients come and go through the server with its default members (<see cref="MemberOutbox"/>, a writer
/// thread each); afterwards no member, socket or thread may be left. Runs alone: it counts the process's sockets and threads.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "3")]
[Collection(Name)]
public sealed class Step3_ChurnTests : ChatChurnGraders
{
    public const string Name = "Lesson 06: counts the process's sockets and threads";

    protected override async Task<IChatServerUnderTest> StartServerAsync() => await ThreadedServerUnderTest.StartAsync();

    [Fact(DisplayName = "After Stop with twenty members connected, no session thread or writer thread is left")]
    public async Task After_Stop_no_session_or_writer_thread_is_left()
    {
        const int members = 20;
        var before = ProcessThreads.Count();
        var running = await ThreadedServerUnderTest.StartAsync();
        var peers = new List<ChatPeer>();
        try
        {
            for (var i = 0; i < members; i++) peers.Add(await ChatPeer.JoinAsync(running.EndPoint, $"member{i}"));
            await running.StopAsync();
            foreach (var peer in peers) await peer.ReadUntilAsync(ChatLines.ShuttingDown, $"the shutdown notice at {peer.Name}");
        }
        finally
        {
            await running.DisposeAsync();
            foreach (var peer in peers) peer.Dispose();
        }
        const int slack = 12;
        await Eventually.TrueAsync(() => ProcessThreads.Count() <= before + slack, "the server's threads to end after Stop",
            () => $"The process runs {ProcessThreads.Count() - before} more threads than before the server started {members} members' worth of " +
                  $"threads (allowed: {slack}). After Disconnect the writer thread must wake (Monitor.PulseAll), send what is queued, close " +
                  "the connection and return; the session thread returns when its read fails on the closed socket.");
    }

}

/// <summary>Graders that count the process's sockets or threads run alone, after the others.</summary>
[CollectionDefinition(Step3_ChurnTests.Name, DisableParallelization = true)]
public sealed class CountingCollection;
