namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Step 1: the state the accept thread, every handler thread and Stop share (the set of clients, the count) changes
/// only under its lock or with Interlocked. A race there needs two threads on the same few instructions within
/// nanoseconds, so no run can show it on demand: after the server has served several clients for real, the grader
/// reviews the source of ThreadingTcpServer (SocketCourse.Testing.SourceReview).
/// </summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
public sealed class Step1_SharedStateTests
{
    [Fact(DisplayName = "Shared state is changed under its lock")]
    public async Task Shared_state_is_changed_under_its_lock()
    {
        var log = new HandlerLog();
        await ReviewVerdict.RunThenReviewAsync(typeof(ThreadingTcpServer), "3 clients were served at the same time", async () =>
        {
            await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);
            // Three clients at once, then all three leave: each is admitted, counted, served, removed and counted out.
            var clients = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => LoopbackPeer.ConnectAsync(running.EndPoint, $"client {i}")));
            try
            {
                await Task.WhenAll(clients.Select((client, i) =>
                    Talk.ExpectReplyAsync(client, $"client {i + 1} is here", $"CLIENT {i + 1} IS HERE", Step1_ThreadingTcpServerTests.SequentialHint)));
                foreach (var client in clients) client.ShutdownSend();
                await Eventually.TrueAsync(() => running.Server.ConnectedClients == 0, "ConnectedClients to drop to 0 after 3 clients left",
                    () => $"It is {running.Server.ConnectedClients}; {log.Finished} of 3 handlers have returned.");
            }
            finally
            {
                foreach (var client in clients) client.Dispose();
            }
        });
    }
}
