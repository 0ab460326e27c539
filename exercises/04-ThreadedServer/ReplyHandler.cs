using System.Net.Sockets;

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
        throw new NotImplementedException(
            "Step 2: loop Receive → decode → reply → send all; 0 bytes means Closed; a reset, or a failed Send, means Reset. See notebooks/04-threaded-server.ipynb, step 2.");
    }
}
