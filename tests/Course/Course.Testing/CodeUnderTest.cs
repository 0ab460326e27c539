using System.Runtime.ExceptionServices;

namespace SocketCourse.Testing;

/// <summary>
/// Runs the learner's code beside the grader's peer. When the learner's side fails (an unfinished
/// stub, a crash), that failure is what the grader reports, not a timeout on the grader's side.
/// </summary>
public static class CodeUnderTest
{
    /// <summary>
    /// Starts <paramref name="code"/> on the thread pool, so a stub that blocks or throws synchronously
    /// cannot block the grader.
    /// </summary>
    public static Task<T> Start<T>(Func<Task<T>> code) => Task.Run(code);

    /// <inheritdoc cref="Start{T}(Func{Task{T}})"/>
    public static Task Start(Func<Task> code) => Task.Run(code);

    /// <summary>
    /// Runs the grader's side <paramref name="grader"/> while <paramref name="running"/> (the learner's
    /// code) runs. If the learner's code fails before or while the grader waits, its exception is
    /// rethrown as is, so "not implemented" or a crash is reported rather than the wait it caused.
    /// </summary>
    /// <remarks>
    /// Inside <paramref name="grader"/> a learner failure counts as the verdict, so the grader's side must
    /// never make the learner's code fail on purpose there (reset the connection, cancel its token, close
    /// the listener). Do that after this call returns, and judge the outcome with
    /// <see cref="Expect.Throws{TException}(Task, string, TimeSpan?)"/>. As a second guard, a learner failure
    /// that comes while the grader's side is finishing successfully does not win: the grader's result is
    /// returned, and the learner's failure is judged by whatever awaits it next.
    /// </remarks>
    public static async Task<T> WhileRunning<T>(Task running, Func<Task<T>> grader)
    {
        var graderTask = grader();
        try
        {
            var first = await Task.WhenAny(running, graderTask);
            if (first == running && running.IsFaulted)
            {
                // The grader may be one continuation away from finishing: let it, so a failure it provoked
                // as its very last act is not taken for the learner's mistake.
                await Task.WhenAny(graderTask, Task.Delay(GraceForTheGrader));
                if (!graderTask.IsCompletedSuccessfully) Rethrow(running);
            }
            return await graderTask;
        }
        catch (Exception) when (!running.IsFaulted)
        {
            // Give a failing learner task a moment to surface: its exception explains the grader's.
            await Task.WhenAny(running, Task.Delay(200));
            if (running.IsFaulted) Rethrow(running);
            throw;
        }
    }

    private static readonly TimeSpan GraceForTheGrader = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc cref="WhileRunning{T}(Task, Func{Task{T}})"/>
    public static Task WhileRunning(Task running, Func<Task> grader) =>
        WhileRunning(running, async () => { await grader(); return true; });

    /// <summary>
    /// Awaits the learner's task within the deadline; past it, fails naming <paramref name="awaited"/>.
    /// </summary>
    public static Task<T> Finish<T>(Task<T> running, string awaited, TimeSpan? timeout = null, string? hint = null) =>
        running.Within(timeout ?? Deadlines.Default, awaited, hint);

    /// <inheritdoc cref="Finish{T}(Task{T}, string, TimeSpan?, string?)"/>
    public static Task Finish(Task running, string awaited, TimeSpan? timeout = null, string? hint = null) =>
        running.Within(timeout ?? Deadlines.Default, awaited, hint);

    private static void Rethrow(Task faulted) =>
        ExceptionDispatchInfo.Capture(faulted.Exception!.InnerExceptions[0]).Throw();
}
