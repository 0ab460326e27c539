namespace SocketCourse.Testing;

/// <summary>
/// What a <see cref="ChaosProxy"/> does to the bytes flowing in one direction. The defaults relay
/// faithfully; each property adds one of the things real networks do to a TCP byte stream.
/// </summary>
public sealed record Chaos
{
    /// <summary>Deliver the stream as separate writes of at most this many bytes (1 = one byte at a time).</summary>
    public int? ChunkSize { get; init; }

    /// <summary>Pause before each delivered write.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Hold bytes until the sender has been quiet this long, then deliver everything held as one write:
    /// separate sends arrive merged, as Nagle's algorithm and busy receivers make them.
    /// </summary>
    public TimeSpan? MergeWindow { get; init; }

    /// <summary>After relaying this many bytes, reset both connections (RST), as a crashed peer or a dropped link would.</summary>
    public long? ResetAfterBytes { get; init; }

    /// <summary>A faithful relay.</summary>
    public static Chaos None { get; } = new();

    /// <summary>Every byte in a write of its own.</summary>
    public static Chaos OneByteAtATime { get; } = new() { ChunkSize = 1, Delay = TimeSpan.FromMilliseconds(1) };

    /// <summary>Writes arriving close together delivered as one.</summary>
    public static Chaos Merged { get; } = new() { MergeWindow = TimeSpan.FromMilliseconds(50) };

    /// <summary>Deliver in chunks of <paramref name="size"/> bytes.</summary>
    public static Chaos Chunks(int size) => new() { ChunkSize = size, Delay = TimeSpan.FromMilliseconds(1) };

    /// <summary>Reset the connection after <paramref name="bytes"/> bytes.</summary>
    public static Chaos ResetAfter(long bytes) => new() { ResetAfterBytes = bytes };
}
