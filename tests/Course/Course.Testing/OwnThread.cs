namespace SocketCourse.Testing;

/// <summary>
/// Runs blocking learner code on a dedicated thread and hands back a task, so graders can await it with deadlines.
/// Blocking calls on pool threads would starve the thread pool the graders' own awaits need.
/// </summary>
public static class OwnThread
{
    /// <summary>Starts <paramref name="code"/> on a new background thread named <paramref name="name"/>.</summary>
    public static Task<T> Start<T>(Func<T> code, string name)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(code());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return result.Task;
    }

    /// <inheritdoc cref="Start{T}(Func{T}, string)"/>
    public static Task Start(Action code, string name) => Start(() => { code(); return true; }, name);
}
