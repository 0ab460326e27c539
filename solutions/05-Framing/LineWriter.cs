using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Framing;

/// <summary>
/// Step 1: writes lines to a byte stream, each as its UTF-8 bytes followed by LF (<c>\n</c>), the partner of
/// <see cref="LineReader"/>. A line that contains a line end would reach the reader as two lines, so it is refused.
/// </summary>
public sealed class LineWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;

    /// <summary>Writes lines to <paramref name="stream"/>; the writer does not dispose it.</summary>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="maxLineBytes">The longest line this writer sends, in bytes of UTF-8 without the line end
    /// (the reader at the other end has a limit too).</param>
    public LineWriter(Stream stream, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        _stream = stream;
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>Writes lines to a connected stream socket; the writer does not close it.</summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="maxLineBytes">The longest line this writer sends.</param>
    public LineWriter(Socket socket, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
        : this(new NetworkStream(socket ?? throw new ArgumentNullException(nameof(socket)), ownsSocket: false), maxLineBytes)
    {
    }

    /// <summary>The longest line this writer sends, in bytes of UTF-8 without the line end.</summary>
    public int MaxLineBytes { get; }

    /// <summary>
    /// Sends <paramref name="line"/> as UTF-8 followed by <c>\n</c>, the line and its end in one write, and
    /// returns when the stream has taken all of it.
    /// </summary>
    /// <param name="line">The line, without a line end.</param>
    /// <param name="cancellationToken">Stops a write that cannot proceed (a peer that is not reading).</param>
    /// <exception cref="ArgumentException">The line contains <c>\n</c> or <c>\r</c>, or a lone surrogate
    /// (not encodable as UTF-8). Nothing is sent.</exception>
    /// <exception cref="LineTooLongException">The line's UTF-8 is longer than <see cref="MaxLineBytes"/>. Nothing is sent.</exception>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.AsSpan().IndexOfAny('\n', '\r') is var at and >= 0)
            throw new ArgumentException(
                $"The line contains a line end at index {at}; the reader would see two lines. Send them separately.", nameof(line));
        int length;
        try
        {
            length = StrictUtf8.GetByteCount(line);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The line holds a lone surrogate, which UTF-8 cannot encode.", nameof(line), e);
        }
        if (length > MaxLineBytes)
            throw new LineTooLongException(MaxLineBytes);
        var bytes = new byte[length + 1];
        StrictUtf8.GetBytes(line, bytes);
        bytes[length] = (byte)'\n';
        await _stream.WriteAsync(bytes, cancellationToken);
    }
}
