using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>What the grader is doing, for a progress display.</summary>
public interface IGradingProgress
{
    /// <summary>Called when a phase starts, e.g. "Building lessons 03, 04".</summary>
    void Report(string activity);
}

/// <summary>Grades lessons; an interface so commands can be tested with known results.</summary>
public interface IGrader
{
    /// <summary>Grades <paramref name="lessons"/> (ready ones), reusing cached grades when nothing changed.</summary>
    Task<IReadOnlyDictionary<string, LessonGrade>> GradeAsync(IReadOnlyList<Lesson> lessons, IGradingProgress? progress, CancellationToken cancellationToken);

    /// <summary>Grades again from scratch: no cached grade, no shortcut in the build (check --again).</summary>
    Task<IReadOnlyDictionary<string, LessonGrade>> RegradeAsync(IReadOnlyList<Lesson> lessons, IGradingProgress? progress, CancellationToken cancellationToken) =>
        GradeAsync(lessons, progress, cancellationToken);

    /// <summary>The last known grade of a lesson without grading anything, or null.</summary>
    LessonGrade? LastKnown(Lesson lesson);
}
