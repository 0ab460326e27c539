namespace SocketCourse.Testing;

/// <summary>The waits every grader uses, so no socket wait is ever unbounded.</summary>
public static class Deadlines
{
    /// <summary>How long a grader waits for a socket event on loopback (accept, connect, a reply).</summary>
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(3);

    /// <summary>How long something that should be immediate on loopback may take.</summary>
    public static TimeSpan Short { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a connect to a loopback port where nothing listens may take to be refused. Linux and macOS refuse
    /// at once (the SYN is answered with a reset); Windows takes up to about 2 s, because it retries the SYN
    /// a few times after the reset before it reports <c>ConnectionRefused</c>. A correct client must pass on all three.
    /// </summary>
    public static TimeSpan Refusal { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Awaits <paramref name="task"/> for at most <paramref name="timeout"/>; past it, fails with a
    /// message naming <paramref name="awaited"/> and, if given, a <paramref name="hint"/> on the likely cause.
    /// </summary>
    public static async Task<T> Within<T>(this Task<T> task, TimeSpan timeout, string awaited, string? hint = null)
    {
        try
        {
            return await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw TimedOut(timeout, awaited, hint);
        }
    }

    /// <inheritdoc cref="Within{T}(Task{T}, TimeSpan, string, string?)"/>
    public static async Task Within(this Task task, TimeSpan timeout, string awaited, string? hint = null)
    {
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw TimedOut(timeout, awaited, hint);
        }
    }

    /// <summary>Builds the teaching message for a wait that ran out.</summary>
    public static GradingTimeoutException TimedOut(TimeSpan timeout, string awaited, string? hint = null) =>
        new($"Timed out after {Describe(timeout)} waiting for {awaited}." + (hint is null ? "" : " " + hint));

    private static string Describe(TimeSpan t) =>
        t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";
}
