using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketCourse.AsyncAndScale;
using SocketCourse.ChatRoom;
using SocketCourse.ThreadedServer;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>
/// <c>load serve async|threaded [port]</c>: hosts one of the course's echo servers in a process of its own, so the load
/// tool can measure it by its pid. It prints <c>listening on 127.0.0.1:PORT</c>, then serves until Ctrl+C, SIGTERM
/// or the end of its standard input.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string design, int port)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        _ = Task.Run(() => { while (Console.In.ReadLine() is not null) { } stop.Cancel(); });
        try
        {
            switch (design)
            {
                case "async":
                {
                    // Lesson 07's reference server: a task per connection, no thread per client.
                    await using var server = AsyncEchoServer.Start(endpoint);
                    Console.WriteLine($"listening on {server.EndPoint}");
                    await WaitAsync(stop.Token);
                    break;
                }
                case "threaded":
                {
                    // Lesson 04's reference server: a thread per client, blocking reads.
                    using var server = ThreadingTcpServer.Start(endpoint, EchoLinesBlocking, maxClients: 1_000_000);
                    Console.WriteLine($"listening on {server.EndPoint}");
                    await WaitAsync(stop.Token);
                    server.Stop(TimeSpan.FromSeconds(5));
                    break;
                }
                case "chat-async":
                {
                    // Lesson 07's async room: a reader task and a writer task per member.
                    await using var server = AsyncChatServer.Start(endpoint);
                    Console.WriteLine($"listening on {server.EndPoint}");
                    await WaitAsync(stop.Token);
                    break;
                }
                case "chat-threaded":
                {
                    // Lesson 06's room: a session thread and a writer thread per member.
                    using var server = new ChatServer(endpoint);
                    server.Start();
                    Console.WriteLine($"listening on {server.EndPoint}");
                    await WaitAsync(stop.Token);
                    server.Stop(TimeSpan.FromSeconds(5));
                    break;
                }
                default:
                    Console.Error.WriteLine($"unknown design {design}: use async, threaded, chat-async or chat-threaded");
                    return 2;
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            Console.Error.WriteLine($"Port {port} is already in use; pass another port, or 0 to let the system choose.");
            return 1;
        }
        return 0;
    }

    private static async Task WaitAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The thread-per-client handler: read a line, write it back, blocking, until the client closes.</summary>
    private static void EchoLinesBlocking(Socket client)
    {
        using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        try
        {
            while (reader.ReadLine() is { } line) writer.WriteLine(line);
        }
        catch (IOException)
        {
            // The client reset or the server is stopping: this client is done.
        }
    }
}
