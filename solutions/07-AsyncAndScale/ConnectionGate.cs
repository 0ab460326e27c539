namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 3: admits at most <see cref="MaxConnections"/> clients at once. The accept loop asks it before serving a
/// client, and every admitted client leaves it when its connection ends. Safe to use from any thread at once.
/// </summary>
public sealed class ConnectionGate
{
    private int _count;

    /// <summary>A gate with room for <paramref name="maxConnections"/> clients.</summary>
    /// <param name="maxConnections">The cap; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConnections"/> is less than 1.</exception>
    public ConnectionGate(int maxConnections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        MaxConnections = maxConnections;
    }

    /// <summary>The cap.</summary>
    public int MaxConnections { get; }

    /// <summary>How many clients are inside now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Admits one client if there is room: returns true and counts it, or returns false and changes nothing.
    /// The check and the count are one atomic step, so two threads can never both take the last place.
    /// </summary>
    public bool TryEnter()
    {
        while (true)
        {
            var seen = Volatile.Read(ref _count);
            if (seen >= MaxConnections) return false;
            if (Interlocked.CompareExchange(ref _count, seen + 1, seen) == seen) return true;
            // Another thread changed the count between our read and our write: look again.
        }
    }

    /// <summary>One admitted client has left: its place is free for the next one.</summary>
    /// <exception cref="InvalidOperationException">More leaves than admissions (a bug in the caller).</exception>
    public void Leave()
    {
        if (Interlocked.Decrement(ref _count) < 0)
        {
            Interlocked.Increment(ref _count);
            throw new InvalidOperationException("Leave was called more often than TryEnter admitted a client.");
        }
    }
}
