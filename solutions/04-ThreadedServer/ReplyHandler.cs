using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ThreadedServer;

/// <summary>
/// Step 2: the seed's case-two handler — receive a message, answer it, again and again, until the client
/// leaves. It runs on the client's own thread, so blocking calls are fine here.
/// </summary>
/// <remarks>
/// The seed's protocol has no message boundaries: one Receive of up to 1024 bytes counts as one message.
/// That holds for short messages typed by a person on loopback, not in general (TCP is a byte stream);
/// lesson 05 adds framing.
/// </remarks>
public static class ReplyHandler
{
    /// <summary>The seed's <c>recv(1024)</c>: the most bytes one Receive takes, so the largest message.</summary>
    public const int DefaultMaxMessageBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Loops on the connected <paramref name="client"/>: one Receive of at most
    /// <paramref name="maxMessageBytes"/> bytes, decoded as UTF-8, is one message; the answer
    /// <paramref name="reply"/> gives for it is encoded as UTF-8 and sent in full; then the next Receive.
    /// Returns when the client leaves, saying how. Does not close the socket (its owner, the server, does).
    /// </summary>
    /// <param name="client">A connected stream socket, e.g. the one <see cref="ThreadingTcpServer"/> hands its handler.</param>
    /// <param name="reply">Computes the answer to one message. An empty answer sends nothing.</param>
    /// <param name="maxMessageBytes">The buffer size of each Receive (the seed's 1024).</param>
    /// <returns><see cref="ClientLeft.Closed"/> when a Receive returned 0 bytes; <see cref="ClientLeft.Reset"/>
    /// when a Receive failed with ConnectionReset (or ConnectionAborted), or when sending a reply failed with any
    /// <see cref="SocketException"/> (the reply cannot reach a client that has gone, and the code differs between
    /// platforms: a broken pipe is Shutdown on Linux). Both are normal ways for a client to go; the seed handles
    /// neither completely.</returns>
    /// <exception cref="SocketException">A Receive failed for another reason, such as the socket's
    /// ReceiveTimeout running out (TimedOut): that is not the client leaving.</exception>
    /// <exception cref="InvalidDataException">A message was not valid UTF-8.</exception>
    public static ClientLeft Serve(Socket client, Func<string, string> reply, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        var buffer = new byte[maxMessageBytes]; // one per call: each client's thread has its own
        try
        {
            while (true)
            {
                var received = client.Receive(buffer);
                if (received == 0)
                    return ClientLeft.Closed;
                var message = Decode(buffer.AsSpan(0, received));
                if (!TrySendAll(client, Encoding.UTF8.GetBytes(reply(message))))
                    return ClientLeft.Reset;
            }
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            // The client aborted (Windows may say ConnectionAborted). Any other Receive error, such as the
            // owner's ReceiveTimeout running out (TimedOut), is not a way of leaving: it goes to the caller.
            return ClientLeft.Reset;
        }
    }

    // Sends all of data; false when the client has gone. Whatever code the failed Send reports (a broken pipe is
    // SocketError.Shutdown on Linux, others say ConnectionReset or ConnectionAborted, one Linux machine said TimedOut),
    // the reply cannot reach the client. Catching only ConnectionReset here is the seed's bug in C#: its
    // `except ConnectionResetError` lets BrokenPipeError kill the handler.
    private static bool TrySendAll(Socket client, ReadOnlySpan<byte> data)
    {
        try
        {
            SendAll(client, data);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException(
                $"A message of {bytes.Length} bytes is not valid UTF-8 (bad byte at index {e.Index}). " +
                "Either the client sent something else, or a character was split between two reads: lesson 05 frames messages.", e);
        }
    }

    private static void SendAll(Socket client, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
            data = data[client.Send(data)..];
    }
}
