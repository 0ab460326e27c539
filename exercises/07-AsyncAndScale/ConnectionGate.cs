namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 3: admits at most <see cref="MaxConnections"/> clients at once. The accept loop asks it before serving a
/// client, and every admitted client leaves it when its connection ends. Safe to use from any thread at once.
/// </summary>
public sealed class ConnectionGate
{
    /// <summary>A gate with room for <paramref name="maxConnections"/> clients.</summary>
    /// <param name="maxConnections">The cap; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConnections"/> is less than 1.</exception>
    public ConnectionGate(int maxConnections)
    {
        throw new NotImplementedException("Step 3: check the cap and keep it. See notebooks/07-async-and-scale.ipynb, step 3.");
    }

    /// <summary>The cap.</summary>
    public int MaxConnections =>
        throw new NotImplementedException("Step 3: the cap given to the constructor. See notebooks/07-async-and-scale.ipynb, step 3.");

    /// <summary>How many clients are inside now.</summary>
    public int Count =>
        throw new NotImplementedException("Step 3: read the count with Volatile.Read. See notebooks/07-async-and-scale.ipynb, step 3.");

    /// <summary>
    /// Admits one client if there is room: returns true and counts it, or returns false and changes nothing.
    /// The check and the count are one atomic step, so two threads can never both take the last place.
    /// </summary>
    public bool TryEnter()
    {
        throw new NotImplementedException(
            "Step 3: compare and count in one atomic step (Interlocked.CompareExchange in a loop). See notebooks/07-async-and-scale.ipynb, step 3.");
    }

    /// <summary>One admitted client has left: its place is free for the next one.</summary>
    /// <exception cref="InvalidOperationException">More leaves than admissions (a bug in the caller).</exception>
    public void Leave()
    {
        throw new NotImplementedException("Step 3: Interlocked.Decrement, refusing to go below zero. See notebooks/07-async-and-scale.ipynb, step 3.");
    }
}
