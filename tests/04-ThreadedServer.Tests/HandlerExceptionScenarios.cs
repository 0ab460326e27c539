using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Step 1 scenarios where the grader's own handler throws on purpose. A server that does not catch it lets the
/// exception escape its thread, which would end the grader's process; <see cref="EscapedExceptions"/> keeps the process
/// alive and tells the grader, which reports the lesson as an ordinary failure.
/// </summary>
internal static class HandlerExceptionScenarios
{
    private const string SequentialHint = Step1_ThreadingTcpServerTests.SequentialHint;

    private const string HandlerEscaped =
        "An exception escaped a handler thread: in a real server that ends the whole process, every client with it. The server " +
        "must catch what its handler throws (try/catch around the handler call, on the client's thread), pass it to onHandlerError, " +
        "close that client's socket, and keep serving the others.";

    /// <summary>
    /// Runs <paramref name="scenario"/>, giving it a tag to put in the exceptions its handlers throw. If one of them escaped
    /// a thread of the server's, that is the failure reported, whatever else went wrong after it.
    /// </summary>
    public static async Task RunAsync(Func<string, Task> scenario)
    {
        EscapedExceptions.Install();
        var tag = $"[grader {Guid.NewGuid():N}]"[..17] + "]";
        Exception? failure = null;
        try
        {
            await scenario(tag);
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            failure = e;
        }
        var escaped = EscapedExceptions.Find(e => e.Message.Contains(tag, StringComparison.Ordinal));
        if (escaped is not null)
            throw new GradingException($"{HandlerEscaped} It was {Explain.WithArticle(escaped.GetType().Name)}, thrown on purpose by " +
                                       "the grader's handler." + (failure is null ? "" : $" What the grader saw next: {Show.Truncate(failure.Message)}"),
                failure);
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    public static async Task A_handler_that_throws(string tag)
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(client => ThrowOnBoom(client, tag)), log: log);

        using var doomed = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client whose handler throws");
        await doomed.SendAsync("boom");
        await doomed.ExpectCleanCloseAsync(
            "its handler threw: the server must catch that, close this client's socket (or it leaks, and the client waits forever) and carry on");

        using var next = await LoopbackPeer.ConnectAsync(running.EndPoint, "a client connecting after the crash");
        await Talk.ExpectReplyAsync(next, "still there?", "STILL THERE?",
            "the server must keep serving after a handler threw; an exception escaping a thread ends the whole process");
        await Eventually.TrueAsync(() => log.ReportedErrors.Any(e => e.Error is InvalidOperationException),
            "the handler's exception to reach onHandlerError",
            () => "Catch the handler's exception on its thread and pass it, with the client's RemoteEndPoint, to onHandlerError.");
        Assert.True(log.ReportedErrors.First().Client?.Equals(doomed.LocalEndPoint) == true,
            $"onHandlerError named {log.ReportedErrors.First().Client}, but the failing client was {doomed.LocalEndPoint}. " +
            "Read RemoteEndPoint before the socket is closed.");
    }

    public static async Task A_reset_under_a_naive_handler(string tag)
    {
        var log = new HandlerLog();
        // A handler in the seed's style that does not catch anything: the reset surfaces as a SocketException.
        await using var running = await ServerUnderTest.StartAsync(log.Around(client => NaiveEcho(client, tag)), log: log);

        using var resetting = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client that resets");
        using var staying = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client that stays");
        await log.WaitForHandlersAsync(2, "both clients' handlers to start", SequentialHint);
        resetting.Reset();
        await Eventually.TrueAsync(() => log.Finished >= 1, "the reset client's handler to end", () => "Its Receive should fail with ConnectionReset.");

        await Eventually.TrueAsync(() => running.Server.ConnectedClients == 1, "ConnectedClients to drop to 1 after a client reset",
            () => $"It is {running.Server.ConnectedClients}. A handler that ends by throwing must be counted out too (use finally).");
        await Talk.ExpectReplyAsync(staying, "and me?", "AND ME?", "the other client must be served after one reset its connection");
    }

    private static void ThrowOnBoom(Socket client, string tag)
    {
        var buffer = new byte[1024];
        client.ReceiveTimeout = 8000;
        while (true)
        {
            var n = client.Receive(buffer);
            if (n == 0) return;
            var message = Encoding.UTF8.GetString(buffer, 0, n);
            if (message == "boom")
                throw new InvalidOperationException(
                    $"{tag} Thrown on purpose by the grader's handler. If this crashed the test run as an unhandled exception, the server " +
                    "does not catch exceptions from handlers: one escaping a thread ends the whole process.");
            client.Send(Encoding.UTF8.GetBytes(message.ToUpperInvariant()));
        }
    }

    private static void NaiveEcho(Socket client, string tag)
    {
        var buffer = new byte[1024];
        client.ReceiveTimeout = 8000;
        try
        {
            int n;
            while ((n = client.Receive(buffer)) > 0)
                client.Send(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, n).ToUpperInvariant()));
        }
        catch (SocketException e)
        {
            throw new IOException(
                $"{tag} The grader's naive handler lets the client's {e.SocketErrorCode} escape, on purpose. If this crashed the test run " +
                "as an unhandled exception, the server does not catch exceptions from handlers: one escaping a thread ends the whole process.", e);
        }
    }
}
