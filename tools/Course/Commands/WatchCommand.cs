using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;
using SocketCourse.Tool.Watch;

namespace SocketCourse.Tool.Commands;

/// <summary>watch [NN]: regrade a lesson each time one of its files is saved, with the compiler kept warm.</summary>
public static class WatchCommand
{
    /// <summary>
    /// Watches lesson <paramref name="lessonNumber"/> (even when it passes already), or else the lesson the learner
    /// is on: the first ready lesson that does not pass yet, or the last one when all pass.
    /// </summary>
    public static async Task<int> RunAsync(CourseContext context, string? lessonNumber, IChangeSource? changes, CancellationToken cancellationToken)
    {
        Lesson start;
        if (lessonNumber is not null)
            start = LessonLookup.FindReady(context.Manifest, lessonNumber);
        else
        {
            var ready = context.Manifest.ReadyLessons;
            if (ready.Count == 0)
                throw new CourseException("No lesson is ready yet, so there is nothing to watch.");
            var grades = await GradingDisplay.GradeAsync(context, ready, cancellationToken);
            start = ready.FirstOrDefault(l => !LessonProgress.From(l, grades.GetValueOrDefault(l.Number)).IsPassed) ?? ready[^1];
        }
        var grade = Grading(context);
        var loop = new WatchLoop(context, changes ?? new FolderWatcher(), grade);
        return await loop.RunAsync(start, cancellationToken);
    }

    /// <summary>The warm in-process path with the real grader; plain grading (timed) with any other (tests).</summary>
    public static Func<Lesson, CancellationToken, Task<Regrade>> Grading(CourseContext context)
    {
        if (context.Grader is CourseGrader courseGrader)
        {
            var warm = new WarmGrader(context.Root, context.Track, courseGrader, new Dotnet(new ProcessRunner()));
            return (lesson, token) => GradingDisplay.RunAsync(context, progress => warm.GradeAsync(lesson, progress, token));
        }
        return async (lesson, token) =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var progress = await CheckCommand.GradeAsync(context, lesson, token);
            return new Regrade(progress, "graded", clock.Elapsed);
        };
    }
}
