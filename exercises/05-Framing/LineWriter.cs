using System.Net.Sockets;

namespace SocketCourse.Framing;

/// <summary>
/// Step 1: writes lines to a byte stream, each as its UTF-8 bytes followed by LF (<c>\n</c>), the partner of
/// <see cref="LineReader"/>. A line that contains a line end would reach the reader as two lines, so it is refused.
/// </summary>
public sealed class LineWriter
{
    /// <summary>Writes lines to <paramref name="stream"/>; the writer does not dispose it.</summary>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="maxLineBytes">The longest line this writer sends, in bytes of UTF-8 without the line end
    /// (the reader at the other end has a limit too).</param>
    public LineWriter(Stream stream, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        throw new NotImplementedException("Step 1: keep the stream and the limit. See notebooks/05-framing.ipynb, step 1.");
    }

    /// <summary>Writes lines to a connected stream socket; the writer does not close it.</summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="maxLineBytes">The longest line this writer sends.</param>
    public LineWriter(Socket socket, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        throw new NotImplementedException(
            "Step 1: wrap the socket in a NetworkStream (ownsSocket: false). See notebooks/05-framing.ipynb, step 1.");
    }

    /// <summary>The longest line this writer sends, in bytes of UTF-8 without the line end.</summary>
    public int MaxLineBytes =>
        throw new NotImplementedException("Step 1: keep the limit. See notebooks/05-framing.ipynb, step 1.");

    /// <summary>
    /// Sends <paramref name="line"/> as UTF-8 followed by <c>\n</c>, the line and its end in one write, and
    /// returns when the stream has taken all of it.
    /// </summary>
    /// <param name="line">The line, without a line end.</param>
    /// <param name="cancellationToken">Stops a write that cannot proceed (a peer that is not reading).</param>
    /// <exception cref="ArgumentException">The line contains <c>\n</c> or <c>\r</c>, or a lone surrogate
    /// (not encodable as UTF-8). Nothing is sent.</exception>
    /// <exception cref="LineTooLongException">The line's UTF-8 is longer than <see cref="MaxLineBytes"/>. Nothing is sent.</exception>
    public Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 1: refuse line ends inside the line, encode strictly, append '\\n', write once. See notebooks/05-framing.ipynb, step 1.");
    }
}
