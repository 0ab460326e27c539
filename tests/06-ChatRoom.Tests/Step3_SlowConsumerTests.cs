using System.Text;
using SocketCourse.ChatProtocol;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>Step 3: the server with its default members (<see cref="MemberOutbox"/>) and a member that never reads.</summary>
[Trait("Lesson", "06")]
[Trait("Step", "3")]
public sealed class Step3_SlowConsumerTests : SlowConsumerGraders
{
    protected override async Task<IChatServerUnderTest> StartServerAsync() => await ThreadedServerUnderTest.StartAsync();

    [Fact(DisplayName = "Stop returns in time even while a member that never reads has lines waiting")]
    public async Task Stop_returns_in_time_while_a_member_that_never_reads_has_lines_waiting()
    {
        // A big outbox, so the member is not dropped, and small send buffers at the server, so its writer is soon stuck in
        // a send that cannot finish (Linux would otherwise let the send buffer grow to megabytes and take it all).
        var running = await ThreadedServerUnderTest.StartAsync(socket =>
        {
            socket.SendBufferSize = 8 * 1024;
            return new MemberOutbox(socket, capacity: 100_000);
        });
        await using var _ = running;
        using var alice = await ChatPeer.JoinAsync(running.EndPoint, "alice");
        using var stuck = await ChatPeer.JoinAsync(running.EndPoint, "stuck", receiveBufferBytes: 4096);
        await alice.ExpectLineAsync(ChatLines.Joined("stuck"), "alice is told stuck joined");

        // 2 MB for stuck, who never reads: with a big outbox it is not dropped, so its writer sits in a send that cannot finish.
        var line = new string('z', 1000);
        await alice.SendAsync(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line + "\n", 2000))), TimeSpan.FromSeconds(10));
        await alice.SendLineAsync("/who");
        await alice.ExpectLineAsync(ChatLines.Members(["alice", "stuck"]), "alice's own session has read all her lines");

        await running.StopAsync(); // Stop(3 s) must return true: the writer gives up draining after MemberOutbox.DrainTimeout
        await alice.ReadUntilAsync(ChatLines.ShuttingDown, "the shutdown notice at alice");
    }
}
