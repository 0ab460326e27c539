namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>
/// How long a stop may take in lesson 07: "stop frees everything within 1 s". The reference servers need about
/// 0.3 s (the echo grader's busy handler tidying up) and a few milliseconds (twenty chat members), so the budget
/// only catches stops that wait for a timeout instead of cancelling.
/// </summary>
internal static class StopBudget
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    /// <summary>The advice for a stop over budget.</summary>
    public const string Advice =
        "A stop is slow when it waits for something to time out instead of cancelling it: a grace period for clients to leave " +
        "by themselves, a read or idle timeout, a polling loop. Cancel the token at once; the sessions end as soon as their pending reads see it.";
}
