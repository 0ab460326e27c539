namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>How many threads this process has now: the server under test runs in it, beside the grader.</summary>
internal static class ThreadCount
{
    public static int Now() => ProcessThreads.Count();

    /// <summary>How far a thread count may grow while thousands of clients are held: a small constant, whatever the number
    /// of clients (the thread pool may add a few threads as work comes and goes).</summary>
    public const int AllowedGrowth = 40;
}
