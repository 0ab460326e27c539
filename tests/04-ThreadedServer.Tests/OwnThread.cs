namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Runs blocking learner code on a dedicated thread and hands back a task, so graders can await it with
/// deadlines (CodeUnderTest.WhileRunning / Finish). Ten blocking calls on ten pool threads would starve the
/// thread pool; ten dedicated threads do not.
/// </summary>
internal static class OwnThread
{
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
}
