using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Starts and stops the learner's <see cref="ThreadingTcpServer"/> with deadlines, so a Start that runs the
/// accept loop itself, or a Stop that never returns, fails with a message instead of hanging the run.
/// </summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private ServerUnderTest(ThreadingTcpServer server) => Server = server;

    public ThreadingTcpServer Server { get; }
    public IPEndPoint EndPoint => Server.EndPoint;

    public static async Task<ServerUnderTest> StartAsync(
        Action<Socket> handler, int maxClients = ThreadingTcpServer.DefaultMaxClients, HandlerLog? log = null)
    {
        var starting = CodeUnderTest.Start(() => Task.FromResult(
            ThreadingTcpServer.Start(Loopback.AnyPort, handler, maxClients, log is null ? null : log.Report)));
        var server = await CodeUnderTest.Finish(starting, "ThreadingTcpServer.Start to return",
            hint: "Start should bind, listen, start the accept loop on a thread of its own and return at once; " +
                  "a loop of Accept calls on the caller's thread never returns.");
        return new ServerUnderTest(server);
    }

    /// <summary>
    /// Calls Stop(2 s) on a thread of its own and waits for it within the deadline; with <paramref name="hold"/>, the server's
    /// accept thread is held a moment where Stop wakes it (see <see cref="AcceptThreadHold"/>).
    /// </summary>
    public async Task<bool> StopAsync(AcceptThreadHold? hold = null) =>
        await CodeUnderTest.Finish(OwnThread.Start(() => hold is null ? Stop() : hold.Around(Stop), "grader: Stop"), "Stop() to return",
            hint: "Stop closes the listener (the accept loop ends), shuts down and closes each client socket (closing is what wakes " +
                  "a blocked Receive on every platform; a shutdown alone does on Linux only) and joins the threads: if it waits for " +
                  "a handler it never woke, it waits forever.");

    private bool Stop() => Server.Stop(TimeSpan.FromSeconds(2));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (GradingException)
        {
            // The test has already failed on the Stop it checked; don't hide that with a second failure.
        }
    }
}
