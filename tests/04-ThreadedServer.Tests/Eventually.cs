using System.Diagnostics;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Waits, within the harness deadline, for something another thread will make true (a count going down
/// after a handler returns). Polling is for hangs only: nothing here asserts how fast it happened.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string awaited, Func<string> describeNow)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Deadlines.Default)
                throw Deadlines.TimedOut(Deadlines.Default, awaited, describeNow());
            await Task.Delay(10);
        }
    }
}
