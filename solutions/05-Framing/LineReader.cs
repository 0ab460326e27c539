using System.Net.Sockets;
using System.Text;

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
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;     // first byte not yet handed out
    private int _end;       // one past the last byte read
    private int _scanned;   // bytes from _start already searched for '\n'
    private bool _ended;    // the stream returned 0: no more bytes will come

    /// <summary>Reads lines from <paramref name="stream"/> (e.g. a <see cref="NetworkStream"/>).</summary>
    /// <param name="stream">The stream to read; the reader does not dispose it.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes of UTF-8 without the line end.</param>
    public LineReader(Stream stream, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        _stream = stream;
        MaxLineBytes = maxLineBytes;
        // Room for the longest line, a CR and an LF; start small and grow up to that only when a line needs it.
        _buffer = new byte[Math.Min(4096, Capacity)];
    }

    /// <summary>Reads lines from a connected stream socket; the reader does not close it.</summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes of UTF-8 without the line end.</param>
    public LineReader(Socket socket, int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
        : this(new NetworkStream(socket ?? throw new ArgumentNullException(nameof(socket)), ownsSocket: false), maxLineBytes)
    {
    }

    /// <summary>The longest line accepted, in bytes of UTF-8 without the line end.</summary>
    public int MaxLineBytes { get; }

    private int Capacity => MaxLineBytes + 2;

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
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start + _scanned, _end - _start - _scanned);
            if (newline >= 0)
                return TakeLine(newline);
            _scanned = _end - _start;

            var pending = _end - _start;
            // A line of exactly MaxLineBytes may be followed by a CR whose LF has not arrived yet.
            if (pending > MaxLineBytes + 1 || (pending == MaxLineBytes + 1 && _buffer[_end - 1] != (byte)'\r'))
                throw new LineTooLongException(MaxLineBytes);
            if (_ended)
            {
                if (pending == 0) return null;
                throw new TruncatedMessageException("a line", pending, bytesMissing: null);
            }
            MakeRoom();
            var count = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (count == 0) _ended = true;
            _end += count;
        }
    }

    private string TakeLine(int newline)
    {
        var length = newline - _start;
        if (length > 0 && _buffer[newline - 1] == (byte)'\r') length--;
        var lineStart = _start;
        _start = newline + 1;
        _scanned = 0;
        if (length > MaxLineBytes)
            throw new LineTooLongException(MaxLineBytes);
        try
        {
            return StrictUtf8.GetString(_buffer, lineStart, length);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"A line is not valid UTF-8 (bad byte at index {e.Index} of the line).", e);
        }
    }

    // Makes room for the next read: moves the unread bytes to the front of the buffer or, when they fill
    // it, grows it. The checks before each read keep it within Capacity (MaxLineBytes + CR + LF).
    private void MakeRoom()
    {
        if (_end < _buffer.Length) return;
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }
        else
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, Capacity));
        }
    }
}
