using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SocketCourse.Testing;

/// <summary>
/// Keeps the grader's process alive when an exception escapes a thread the code under test started, and lets the
/// grader ask whether one did. Without this, an exception escaping any thread ends the whole process: the test run
/// stops (exit code 134 on Linux) and the tests still running are never reported. With it, the grader can show the
/// lesson ("the server does not catch what its handler throws") as an ordinary failure.
/// </summary>
/// <remarks>
/// Uses <see cref="ExceptionHandling.SetUnhandledExceptionHandler"/> (.NET 9 and later), which a process may set once:
/// the first call to <see cref="Install"/> sets it for the whole test run. The thread the exception escaped still ends.
/// </remarks>
public static class EscapedExceptions
{
    private static readonly ConcurrentQueue<Exception> Escaped = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>
    /// From now on, an exception escaping any thread is recorded instead of ending the process. Call it before starting
    /// code that may let one escape. Returns false when something else set the process's handler first.
    /// </summary>
    public static bool Install()
    {
        lock (Gate)
        {
            if (_installed) return true;
            try
            {
                ExceptionHandling.SetUnhandledExceptionHandler(e =>
                {
                    Escaped.Enqueue(e);
                    return true; // handled: the thread ends, the process goes on
                });
                _installed = true;
            }
            catch (InvalidOperationException)
            {
                // Another handler was set first; then escaping exceptions end the process as before.
            }
            return _installed;
        }
    }

    /// <summary>The first recorded exception that <paramref name="matches"/>, or null: an exception that escaped a thread.</summary>
    public static Exception? Find(Func<Exception, bool> matches) => Escaped.FirstOrDefault(matches);
}
