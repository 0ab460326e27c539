using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Lessons.ThreadedServer.Server;

/// <summary>
/// The seed's <c>sqServer.handle</c>: runs on the client's own thread and loops — receive, print, ask the
/// operator, send the reply — until the client leaves.
/// </summary>
internal static class ChatHandler
{
    private const int MaxMessageBytes = 1024; // the seed's recv(1024): one read is one message here (lesson 05 frames them)

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Serve(Socket client, string who, Operator keyboard, CancellationToken stopping)
    {
        var buffer = new byte[MaxMessageBytes];
        try
        {
            while (true)
            {
                var received = client.Receive(buffer); // 阻塞 (blocks) this thread only; the others carry on
                if (received == 0)
                {
                    Console.WriteLine(stopping.IsCancellationRequested
                        ? $"[{who}] connection closed: the server is stopping"
                        : $"[{who}] 一个客户端关闭了连接 (the client closed the connection: Receive returned 0 bytes)");
                    return;
                }

                string message;
                try
                {
                    message = StrictUtf8.GetString(buffer, 0, received);
                }
                catch (DecoderFallbackException)
                {
                    Console.WriteLine($"[{who}] sent {received} bytes that are not valid UTF-8; closing its connection");
                    return;
                }
                Console.WriteLine($"[{who}] {message}");

                var reply = keyboard.AskForReply(who, stopping);
                if (reply is null)
                {
                    Console.WriteLine($"[{who}] no operator left to reply (end of input); closing its connection");
                    return;
                }
                client.Send(Encoding.UTF8.GetBytes(reply)); // a blocking Send returns once every byte is queued
            }
        }
        catch (Exception e) when (stopping.IsCancellationRequested && e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Console.WriteLine($"[{who}] connection closed: the server is stopping");
        }
        catch (SocketException e)
        {
            // Not only ConnectionReset: a reply sent to a client that has gone fails with a broken pipe
            // (Shutdown) or another code, depending on the system. The seed catches ConnectionResetError only,
            // so that case kills its handler thread with a BrokenPipeError.
            Console.WriteLine($"[{who}] 一个客户端关闭了连接 (the connection broke: {e.SocketErrorCode})");
        }
    }
}
