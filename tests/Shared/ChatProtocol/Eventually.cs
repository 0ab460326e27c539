using System.Diagnostics;

namespace SocketCourse.ChatProtocol;

/// <summary>
/// Waits, within the harness deadline, for something other threads will make true (a member count going down once a
/// session ends). Polling catches hangs only: nothing here asserts how fast it happened.
/// </summary>
public static class Eventually
{
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
