using System.Runtime.ExceptionServices;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Makes "Stop waits for the accept thread" visible. The accept thread runs none of the grader's code, and once Stop has
/// closed the listener it ends within microseconds, joined or not, so a Stop that forgets to join it usually gets away
/// with it. But closing the listener makes the blocked Accept throw on the accept thread itself, and .NET shows every
/// exception to <see cref="AppDomain.FirstChanceException"/> handlers on the thread that throws it, before any catch
/// runs. This hold keeps that thread there for a moment (until Stop returns, 200 ms at most): a Stop that joins it
/// waits out the moment and finds it ended; a Stop that does not join it returns while it is still alive.
/// </summary>
/// <remarks>
/// Create it before starting the server (it tags the server's threads, <see cref="ServerThreadTag"/>), and pass it to
/// <see cref="ServerUnderTest.StopAsync"/>. It holds the first thread that throws while Stop runs and is one of this
/// server's, not a pool thread, not one of the grader's handler threads, not the thread calling Stop, and is running the
/// learner's code. If none throws (an accept loop that polls instead of blocking), it has nothing to say.
/// </remarks>
internal sealed class AcceptThreadHold : IDisposable
{
    private static readonly TimeSpan LongestHold = TimeSpan.FromMilliseconds(200);

    private readonly ServerThreadTag _tag = ServerThreadTag.Begin();
    private readonly HandlerLog _log;
    private readonly ManualResetEventSlim _release = new();
    private readonly TaskCompletionSource _thrownAfterStop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Thread? _stopper;
    private bool _armed, _stopReturned;
    private Thread? _held;
    private bool _heldAliveWhenStopReturned;

    public AcceptThreadHold(HandlerLog log)
    {
        _log = log;
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
    }

    /// <summary>Runs <paramref name="stop"/> (the learner's Stop) on the calling thread, with the hold armed.</summary>
    public bool Around(Func<bool> stop)
    {
        lock (_gate)
        {
            _stopper = Thread.CurrentThread;
            _armed = true;
        }
        try
        {
            return stop();
        }
        finally
        {
            lock (_gate)
            {
                _stopReturned = true;
                // Read before the release: a thread still held here has not ended, so Stop did not wait for it.
                _heldAliveWhenStopReturned = _held?.IsAlive == true;
            }
            _release.Set();
        }
    }

    /// <summary>
    /// Fails when a thread of the server that Stop woke (the accept thread) was still running when Stop returned: held,
    /// or not even at its Accept's exception yet.
    /// </summary>
    public async Task ExpectNoThreadOutlivedStopAsync()
    {
        bool outlived, heldAny;
        lock (_gate)
        {
            outlived = _heldAliveWhenStopReturned;
            heldAny = _held is not null;
        }
        // Nothing held while Stop ran: either no thread of the server threw (nothing to say), or the accept thread had
        // not yet reached its exception when Stop returned. Then it throws a moment later: give it that moment.
        if (!outlived && !heldAny)
            outlived = await Task.WhenAny(_thrownAfterStop.Task, Task.Delay(Deadlines.Short)) == _thrownAfterStop.Task;
        Disarm();
        if (outlived)
            throw new GradingException(
                "Stop returned while the accept thread was still running: the grader held it for a moment inside its Accept, which " +
                "had just failed because Stop closed the listener, and Stop did not wait for it. Stop promises that every thread " +
                "the server started has ended: after closing the listener, Join the accept thread (with what is left of the " +
                "timeout) before joining the handlers. It usually ends within microseconds anyway, which is why nothing " +
                "else notices; a thread that is slow to be scheduled, or a loop with work left after its Accept, outlives " +
                "the Stop that forgot it.");
    }

    private void OnFirstChance(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (!_tag.IsOnCurrentThread) return; // cheap first: every exception of the process comes here
        var thread = Thread.CurrentThread;
        if (thread.IsThreadPoolThread || !ServerThreadTag.RunsServerCode()) return;
        lock (_gate)
        {
            if (!_armed || _held is not null || thread == _stopper || _log.Threads.Contains(thread)) return;
            if (_stopReturned)
            {
                _thrownAfterStop.TrySetResult(); // alive after Stop returned: no need to hold it
                return;
            }
            _held = thread;
        }
        _release.Wait(LongestHold);
    }

    private void Disarm()
    {
        lock (_gate) _armed = false;
        _release.Set();
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;
        Disarm();
    }
}
