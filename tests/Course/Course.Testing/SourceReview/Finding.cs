namespace SocketCourse.Testing;

/// <summary>The rules of the <see cref="SourceReview"/>.</summary>
public enum ReviewRule
{
    /// <summary>A collection that is not thread-safe, changed or enumerated under a lock in one place and without it in another.</summary>
    CollectionChangedOutsideItsLock,

    /// <summary>A number updated atomically (Interlocked, or under a lock) in one place and with a plain <c>++</c>, <c>--</c>, <c>+=</c> or <c>=</c> outside any lock in another.</summary>
    CounterUpdatedWithoutSynchronisation,

    /// <summary>A static array that a Receive or Read call fills: one buffer for every thread that runs that code.</summary>
    StaticBufferSharedByThreads,
}

/// <summary>What the <see cref="SourceReview"/> found, written for the learner.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="File">The file name (e.g. <c>ThreadingTcpServer.cs</c>).</param>
/// <param name="Line">The 1-based line of the first unsynchronised use.</param>
/// <param name="Type">The class (or struct, record) it is in.</param>
/// <param name="Field">The field at stake.</param>
/// <param name="Message">What was found, where, why it matters, and what to do, in one paragraph.</param>
public sealed record Finding(ReviewRule Rule, string File, int Line, string Type, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}({Line}): {Message}";
}
