using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;
using SocketCourse.Tool.Watch;

namespace SocketCourse.Tool.Commands;

/// <summary>watch [NN]: regrade a lesson each time one of its files is saved, moving on when it passes.</summary>
public static class WatchCommand
{
    /// <summary>Watches lesson <paramref name="lessonNumber"/>, or the first ready lesson that does not pass yet.</summary>
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
        var loop = new WatchLoop(context, changes ?? new FolderWatcher(), (lesson, token) => CheckCommand.GradeAsync(context, lesson, token));
        return await loop.RunAsync(start, cancellationToken);
    }
}
