using System.Runtime.ExceptionServices;

namespace SocketCourse.Testing;

/// <summary>Expectations about how the learner's code fails, each with a deadline.</summary>
public static class Expect
{
    /// <summary>
    /// Expects <paramref name="task"/> to fail with <typeparamref name="TException"/> (or a subclass) within
    /// <paramref name="timeout"/>. <paramref name="why"/> says why that failure is the right answer.
    /// A <see cref="NotImplementedException"/> from a stub is rethrown as is.
    /// </summary>
    public static async Task<TException> Throws<TException>(Task task, string why, TimeSpan? timeout = null)
        where TException : Exception
    {
        var limit = timeout ?? Deadlines.Default;
        // WhenAny rather than WaitAsync: the grader's deadline must not be confused with a TimeoutException
        // that the learner's code throws on purpose.
        if (await Task.WhenAny(task, Task.Delay(limit)) != task)
            throw Deadlines.TimedOut(limit, $"{Explain.WithArticle(typeof(TException).Name)} ({why})",
                "The code kept waiting instead of failing: is a wait missing its cancellation token, or a loop its exit?");
        return Judge<TException>(task.Exception?.InnerExceptions[0] ?? (task.IsCanceled ? new TaskCanceledException(task) : null), why);
    }

    /// <summary>
    /// Expects <paramref name="action"/> to throw <typeparamref name="TException"/> (or a subclass);
    /// <paramref name="why"/> says why. A <see cref="NotImplementedException"/> from a stub is rethrown as is.
    /// </summary>
    public static TException Throws<TException>(Action action, string why) where TException : Exception
    {
        Exception? thrown = null;
        try
        {
            action();
        }
        catch (Exception e)
        {
            thrown = e;
        }
        return Judge<TException>(thrown, why);
    }

    private static TException Judge<TException>(Exception? thrown, string why) where TException : Exception
    {
        switch (thrown)
        {
            case TException expected:
                return expected;
            case NotImplementedException stub:
                ExceptionDispatchInfo.Capture(stub).Throw();
                break;
            case null:
                throw new GradingException($"Expected {Explain.WithArticle(typeof(TException).Name)} ({why}), but the call completed without one.");
        }
        throw new GradingException($"Expected {Explain.WithArticle(typeof(TException).Name)} ({why}), but got {Explain.Exception(thrown)}", thrown);
    }
}
