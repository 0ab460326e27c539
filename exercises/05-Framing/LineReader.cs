using System.Net.Sockets;

namespace SocketCourse.Framing;

/// <summary>
/// Step 1: reads lines from a byte stream. TCP delivers bytes, not messages: one read may hold half a line,
/// or several lines, or a character cut in two. The reader keeps what it has read in a buffer of its own
/// and hands out one whole line at a time, whatever the reads looked like.
/// </summary>
/// <remarks>
/// A line ends with LF (<c>\n</c>); a CR (<c>\r</c>) just before the LF belongs to the line end too (CRLF),
/// even when the CR and the LF arrive in different reads. The reader never holds more than about
/// <see cref="MaxLineBytes"/> + 2 bytes. One reader per stream, used by one caller at a time.
/// </remarks>
public sealed class LineReader
{
    /// <summary>Reads lines from <paramref name="stream"/> (e.g. a <see cref="NetworkStream"/>).</summary>
    /// <param name="stream">The stream to read; the reader does not dispose it.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes of UTF-8 without the line end.</param>
    public LineReader(Stream stream, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        throw new NotImplementedException(
            "Step 1: keep the stream, the limit and a buffer of your own. See notebooks/05-framing.ipynb, step 1.");
    }

    /// <summary>Reads lines from a connected stream socket; the reader does not close it.</summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes of UTF-8 without the line end.</param>
    public LineReader(Socket socket, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        throw new NotImplementedException(
            "Step 1: wrap the socket in a NetworkStream (ownsSocket: false). See notebooks/05-framing.ipynb, step 1.");
    }

    /// <summary>The longest line accepted, in bytes of UTF-8 without the line end.</summary>
    public int MaxLineBytes =>
        throw new NotImplementedException("Step 1: keep the limit. See notebooks/05-framing.ipynb, step 1.");

    /// <summary>
    /// Returns the next line without its line end (LF or CRLF), decoded as strict UTF-8, reading from the
    /// stream only as much as it needs. Returns null when the stream ends cleanly between lines.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait for more bytes.</param>
    /// <returns>The line (maybe empty), or null at end of stream.</returns>
    /// <exception cref="LineTooLongException">More than <see cref="MaxLineBytes"/> bytes came without a line
    /// end; thrown as soon as that is certain, without reading the rest of the line.</exception>
    /// <exception cref="TruncatedMessageException">The stream ended in the middle of a line.</exception>
    /// <exception cref="InvalidDataException">The line is not valid UTF-8 (it is consumed: the next call
    /// reads the next line).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    public ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 1: search the buffered bytes for '\\n'; if there is none, check the limit and read more. " +
            "See notebooks/05-framing.ipynb, step 1.");
    }
}
