using System.Buffers;

namespace SocketCourse.Framing;

/// <summary>
/// Step 3: cuts lines off the front of the bytes a <see cref="System.IO.Pipelines.PipeReader"/> has buffered,
/// without copying them. The buffer is a <see cref="ReadOnlySequence{T}"/>: possibly several segments, so a line
/// (or its CR and LF) may straddle two of them.
/// </summary>
public static class LineFramer
{
    /// <summary>
    /// Looks for a whole line at the start of <paramref name="buffer"/>. When there is one, returns true, sets
    /// <paramref name="line"/> to its bytes without the line end (LF or CRLF) and moves <paramref name="buffer"/>
    /// past the LF. When the line end has not arrived yet, returns false and leaves <paramref name="buffer"/> as it
    /// is: the caller tells the PipeReader "consumed nothing, examined everything" and waits for more bytes.
    /// </summary>
    /// <param name="buffer">The unread bytes; on success, what is left after the line.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes without the line end.</param>
    /// <param name="line">The line's bytes (a slice of the buffer, not a copy); valid until the caller advances the reader.</param>
    /// <returns>Whether a whole line was found.</returns>
    /// <exception cref="LineTooLongException">The line at the start is longer than <paramref name="maxLineBytes"/>,
    /// or more than that many bytes are buffered with no line end: there is no point waiting for more.</exception>
    public static bool TryReadLine(ref ReadOnlySequence<byte> buffer, int maxLineBytes, out ReadOnlySequence<byte> line)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        // Never look further than the longest line plus CR and LF: beyond that the answer is "too long" anyway.
        var window = buffer.Length > maxLineBytes + 2L ? buffer.Slice(0, maxLineBytes + 2L) : buffer;
        var newline = window.PositionOf((byte)'\n');
        if (newline is null)
        {
            if (window.Length > maxLineBytes + 1L || (window.Length == maxLineBytes + 1L && LastByte(window) != (byte)'\r'))
                throw new LineTooLongException(maxLineBytes);
            line = default;
            return false;
        }

        var raw = buffer.Slice(0, newline.Value);
        if (raw.Length > 0 && LastByte(raw) == (byte)'\r')
            raw = raw.Slice(0, raw.Length - 1);
        if (raw.Length > maxLineBytes)
            throw new LineTooLongException(maxLineBytes);
        line = raw;
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static byte LastByte(in ReadOnlySequence<byte> bytes) => bytes.Slice(bytes.Length - 1).FirstSpan[0];
}
