namespace SocketCourse.Framing.Tests;

/// <summary>
/// A read-only stream that hands out the given pieces, one per read, exactly as a socket could: the grader
/// decides where the reads cut the bytes. After the last piece it reports end of stream, or, if told to stay
/// open, waits (until the reader's token is cancelled) as a silent peer would.
/// </summary>
internal sealed class ScriptedStream(IEnumerable<byte[]> pieces, bool stayOpen = false) : ReadOnlyTestStream
{
    private readonly Queue<byte[]> _pieces = new(pieces.Where(p => p.Length > 0));
    private byte[] _current = [];
    private int _offset;

    /// <summary>How many bytes the reader has taken so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>How many reads returned data.</summary>
    public int Reads { get; private set; }

    public static ScriptedStream Of(params byte[][] pieces) => new(pieces);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        if (_offset == _current.Length)
        {
            if (!_pieces.TryDequeue(out var next))
            {
                if (!stayOpen) return 0;
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            _current = next!;
            _offset = 0;
        }
        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        BytesRead += count;
        Reads++;
        return count;
    }
}

/// <summary>A stream that never ends and never holds a line end: 'x' after 'x', counting what was read.</summary>
internal sealed class EndlessLineStream(long giveUpAfter) : ReadOnlyTestStream
{
    /// <summary>How many bytes the reader has taken so far.</summary>
    public long BytesRead { get; private set; }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A safety net for a reader that never stops: end the stream after giveUpAfter bytes.
        var count = (int)Math.Min(buffer.Length, giveUpAfter - BytesRead);
        buffer.Span[..count].Fill((byte)'x');
        BytesRead += count;
        return ValueTask.FromResult(count);
    }
}
