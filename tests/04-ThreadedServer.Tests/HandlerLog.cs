using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// The grader's own handlers for step 1, wrapped so the grader knows which thread ran each one, which
/// client it was given, and when it started and finished.
/// </summary>
internal sealed class HandlerLog
{
    private readonly SemaphoreSlim _entered = new(0);
    private int _finished;

    public ConcurrentQueue<Thread> Threads { get; } = new();
    public ConcurrentQueue<EndPoint?> Clients { get; } = new();
    public ConcurrentQueue<(EndPoint? Client, Exception Error)> ReportedErrors { get; } = new();
    public int Finished => Volatile.Read(ref _finished);

    /// <summary>Records the call, then runs <paramref name="body"/> with the client's socket.</summary>
    public Action<Socket> Around(Action<Socket> body) => socket =>
    {
        Threads.Enqueue(Thread.CurrentThread);
        Clients.Enqueue(socket.RemoteEndPoint);
        _entered.Release();
        try
        {
            body(socket);
        }
        finally
        {
            Interlocked.Increment(ref _finished);
        }
    };

    /// <summary>Passed as the server's onHandlerError.</summary>
    public void Report(EndPoint? client, Exception error) => ReportedErrors.Enqueue((client, error));

    /// <summary>Waits until <paramref name="count"/> more handlers have started.</summary>
    public async Task WaitForHandlersAsync(int count, string awaited, string? hint = null)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await _entered.WaitAsync(Deadlines.Default))
                throw Deadlines.TimedOut(Deadlines.Default, awaited,
                    hint ?? $"{i} of {count} handlers started. Does the accept loop hand every accepted client to the handler?");
        }
    }

    /// <summary>
    /// The seed's loop with a checkable answer: reply with the message in upper case, until the client
    /// closes. A reset ends it quietly. The receive timeout is only a safety net so a server that never
    /// wakes its handlers cannot leave this thread behind forever.
    /// </summary>
    public static void EchoUpper(Socket client)
    {
        client.ReceiveTimeout = 8000;
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var n = client.Receive(buffer);
                if (n == 0) return;
                client.Send(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, n).ToUpperInvariant()));
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
