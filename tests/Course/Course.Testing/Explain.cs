using System.Net.Sockets;

namespace SocketCourse.Testing;

/// <summary>Plain-language meanings of what sockets report, for failure messages.</summary>
public static class Explain
{
    /// <summary>What a 0-byte read means.</summary>
    public const string EndOfStream =
        "0 bytes from Receive means the peer closed (or half-closed) its side of the connection: end of stream, no more data will come.";

    /// <summary>What a connection reset means.</summary>
    public const string ConnectionReset =
        "Connection reset (RST): the peer aborted the connection instead of closing it cleanly, or closed it with unread data; anything not yet delivered is lost.";

    /// <summary>What a refused connection means.</summary>
    public const string ConnectionRefused =
        "Connection refused: nothing is listening on that port. Did Bind() and Listen() run, on that address and port?";

    /// <summary>What a timeout in a grader usually means.</summary>
    public const string TimedOut =
        "A wait ran out: the other side is blocked (on Accept, Receive, or a reply it never sends) or is waiting for something this side never does, such as closing its half.";

    /// <summary>What a byte stream means for message boundaries.</summary>
    public const string ByteStream =
        "TCP is a byte stream (面向字节流): one Receive may return part of a message, or several messages at once. Loop until you have everything.";

    /// <summary>What a socket of the wrong address family means.</summary>
    public const string AddressFamily =
        "The socket's address family does not match the address: a socket is created for one family, IPv4 (InterNetwork, " +
        "127.0.0.1) or IPv6 (InterNetworkV6, [::1]). Create it with the endpoint's AddressFamily.";

    /// <summary>Names the meaning of a socket error code, or its plain name where no better words exist.</summary>
    public static string Error(SocketError error) => error switch
    {
        SocketError.ConnectionReset => ConnectionReset,
        SocketError.ConnectionRefused => ConnectionRefused,
        SocketError.TimedOut => TimedOut,
        SocketError.AddressAlreadyInUse =>
            "Address already in use: another socket holds that address (for IP, that address and port; for a Unix-domain socket, " +
            "that file path).",
        SocketError.AddressFamilyNotSupported => AddressFamily,
        SocketError.ConnectionAborted => "Connection aborted: this side's socket was closed while an operation was pending on it.",
        SocketError.Shutdown => "The socket was shut down in that direction: no more sends (or receives) on it.",
        SocketError.NotConnected => "The socket is not connected: Connect (client) or Accept (server) must come first.",
        SocketError.OperationAborted => "The operation was aborted, usually because the socket was closed or the wait was cancelled.",
        _ => $"Socket error {error}.",
    };

    /// <summary>Describes any exception a grader caught, adding the meaning when it is a socket error.</summary>
    public static string Exception(Exception e) => e switch
    {
        SocketException se => $"SocketException {se.SocketErrorCode}: {Error(se.SocketErrorCode)}",
        IOException { InnerException: SocketException se } => $"IOException wrapping SocketException {se.SocketErrorCode}: {Error(se.SocketErrorCode)}",
        OperationCanceledException => "The operation was cancelled (its deadline passed).",
        _ => $"{e.GetType().Name}: {Show.Truncate(e.Message)}",
    };

    /// <summary>Puts "a" or "an" before a word, by its first letter: "an InvalidDataException", "a SocketException".</summary>
    public static string WithArticle(string word) =>
        (word.Length > 0 && "AEIOUaeiou".Contains(word[0]) ? "an " : "a ") + word;

    /// <summary>
    /// Says what most likely went wrong when <paramref name="actual"/> was returned instead of <paramref name="expected"/>:
    /// a cut message (not looping until end of stream), or text decoded piece by piece (U+FFFD where a character was split).
    /// Empty when neither fits, so a message never blames the wrong mistake.
    /// </summary>
    public static string Difference(string expected, string actual)
    {
        if (actual.Contains('\uFFFD') && !expected.Contains('\uFFFD'))
            return "It holds U+FFFD (\uFFFD), the decoder's mark for bytes that are not a whole character: the bytes were decoded " +
                   "before the whole message had arrived, and a character split between two Receives broke in two. Collect every " +
                   "byte first and decode once, after the end of stream.";
        if (actual.Length < expected.Length && expected.StartsWith(actual, StringComparison.Ordinal))
            return $"It is the first {actual.Length} of {expected.Length} characters: one Receive returned part of the message. {ByteStream}";
        return "";
    }

    /// <inheritdoc cref="Difference(string, string)"/>
    public static string Difference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        if (actual.Length < expected.Length && expected.StartsWith(actual))
            return $"It is the first {actual.Length} of {expected.Length} bytes: one Receive returned part of the message. {ByteStream}";
        if (actual.Length > expected.Length && actual.StartsWith(expected))
            return $"It has {actual.Length - expected.Length} bytes too many: keep only the bytes each Receive returned (buffer[..count]), not the whole buffer.";
        if (actual.Length == expected.Length)
            return "It has the right length but different bytes: were the pieces put together in order, each from the start of its buffer?";
        return "";
    }
}
