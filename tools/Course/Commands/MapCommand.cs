using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;

namespace SocketCourse.Tool.Commands;

/// <summary>No arguments: the course map with the learner's progress and the next thing to do.</summary>
public static class MapCommand
{
    /// <summary>Grades the ready lessons (cached when unchanged) and shows the map. Always exits 0.</summary>
    public static async Task<int> RunAsync(CourseContext context, CancellationToken cancellationToken)
    {
        var grades = await GradingDisplay.GradeAsync(context, context.Manifest.ReadyLessons, cancellationToken);
        MapView.Render(context.Out, context.Manifest, LessonProgress.ForCourse(context.Manifest, grades), context.Track);
        return ExitCodes.Ok;
    }
}
