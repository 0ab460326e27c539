using SocketCourse.Framing;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 3: reads a line, but gives a silent client only so long. Without a deadline, a client that connects
/// and says nothing holds its connection (and its place under the cap) for ever.
/// </summary>
public static class IdleReader
{
    /// <summary>
    /// Reads the next line with <paramref name="reader"/>, allowing at most <paramref name="idleTimeout"/> for it
    /// to arrive whole. The clock starts anew for every line, so a client that keeps talking is never cut off.
    /// </summary>
    /// <param name="reader">The connection's reader.</param>
    /// <param name="idleTimeout">How long to wait for the whole line.</param>
    /// <param name="cancellationToken">The server's stop; cancelling it is not a timeout.</param>
    /// <returns>The line, or null at end of stream (as <see cref="LineReader.ReadLineAsync"/>).</returns>
    /// <exception cref="TimeoutException">No whole line came within <paramref name="idleTimeout"/>. The reader
    /// may hold part of a line: close the connection.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<string?> ReadLineAsync(LineReader reader, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await reader.ReadLineAsync(idle.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No whole line came within {idleTimeout.TotalSeconds:0.###} s.");
        }
    }
}
