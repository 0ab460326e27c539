using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ThreadedServer;

/// <summary>
/// Step 3: the seed's case-two client — one connection, many messages: read a line, send it with the
/// nickname in front, wait for the reply, print it, until the user types <c>exit</c>.
/// </summary>
public static class LoopingClient
{
    /// <summary>The seed's nickname.</summary>
    public const string DefaultNickname = "老王";

    /// <summary>The line that ends the conversation. It is not sent.</summary>
    public const string ExitCommand = "exit";

    /// <summary>The seed's <c>recv(1024)</c>: a reply is one Receive of at most this many bytes.</summary>
    public const int MaxReplyBytes = 1024;

    /// <summary>How long to wait for each reply unless told otherwise.</summary>
    public static TimeSpan DefaultReplyTimeout { get; } = TimeSpan.FromSeconds(30);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Connects to <paramref name="server"/> and loops: reads a line from <paramref name="input"/>; stops on
    /// <c>exit</c> (surrounding spaces ignored; not sent) or at end of input; otherwise sends
    /// <c>nickname + ":" + line</c> as UTF-8 (ASCII colon, no line end: the seed's bytes), receives the reply
    /// with one Receive of at most <see cref="MaxReplyBytes"/> bytes, and writes it to
    /// <paramref name="output"/> as one line. Closes the socket however it ends.
    /// </summary>
    /// <param name="server">The server's address and port, e.g. 127.0.0.1:9998.</param>
    /// <param name="nickname">Put in front of every message, before the colon; the seed's is "老王".</param>
    /// <param name="input">Where the lines come from (Console.In, or a StringReader in tests).</param>
    /// <param name="output">Where each reply is written, one line per reply, exactly as received.</param>
    /// <param name="replyTimeout">The longest wait for one reply; default <see cref="DefaultReplyTimeout"/>.</param>
    /// <returns>Why the conversation ended.</returns>
    /// <exception cref="SocketException">The connection was refused (nothing listening) or reset.</exception>
    /// <exception cref="TimeoutException">A reply did not come within <paramref name="replyTimeout"/>.</exception>
    /// <exception cref="InvalidDataException">A reply was not valid UTF-8.</exception>
    public static ConversationEnd Run(
        EndPoint server,
        string nickname,
        TextReader input,
        TextWriter output,
        TimeSpan? replyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(nickname);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var timeout = replyTimeout ?? DefaultReplyTimeout;

        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(server); // refused when nothing listens (at once on Linux and macOS, up to about 2 s on Windows)
        socket.ReceiveTimeout = (int)Math.Ceiling(timeout.TotalMilliseconds); // a silent server cannot hang us
        var buffer = new byte[MaxReplyBytes];

        while (true)
        {
            var line = input.ReadLine();
            if (line is null)
                return ConversationEnd.EndOfInput;
            if (line.Trim() == ExitCommand)
                return ConversationEnd.TypedExit;

            SendAll(socket, Encoding.UTF8.GetBytes(nickname + ":" + line));

            var received = ReceiveReply(socket, buffer, timeout);
            if (received == 0)
                return ConversationEnd.ServerClosed;
            output.Write(Decode(buffer.AsSpan(0, received)));
        }
    }

    private static int ReceiveReply(Socket socket, byte[] buffer, TimeSpan timeout)
    {
        try
        {
            return socket.Receive(buffer);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            throw new TimeoutException($"No reply from the server within {timeout.TotalSeconds:0.###} s.", e);
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
            throw new InvalidDataException($"The reply ({bytes.Length} bytes) is not valid UTF-8.", e);
        }
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
            data = data[socket.Send(data)..];
    }
}
