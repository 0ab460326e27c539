using System.Diagnostics;

namespace SocketCourse.Testing;

/// <summary>
/// Waits, within a deadline, for something other threads will make true (a member count going down once a session
/// ends, a thread count falling back after Stop). Polling catches hangs only: nothing here asserts how fast it happened.
/// </summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails naming <paramref name="awaited"/> when it never does.</summary>
    /// <param name="condition">What must become true.</param>
    /// <param name="awaited">What was awaited, for the message.</param>
    /// <param name="describeNow">What the grader sees instead, asked only when the deadline has passed.</param>
    /// <param name="timeout">How long to wait (default <see cref="Deadlines.Default"/>).</param>
    public static async Task TrueAsync(Func<bool> condition, string awaited, Func<string> describeNow, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
                throw Deadlines.TimedOut(limit, awaited, describeNow());
            await Task.Delay(10);
        }
    }
}
