using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Progress;

/// <summary>Where a lesson stands, as the map shows it.</summary>
public enum LessonState
{
    /// <summary>Every step passes.</summary>
    Passed,

    /// <summary>Some steps pass or some code is written, but not all steps pass.</summary>
    InProgress,

    /// <summary>Every grader hits a stub: nothing written yet.</summary>
    NotStarted,

    /// <summary>The learner's code does not compile.</summary>
    BuildFailed,

    /// <summary>The graders could not run (see the grade's problem).</summary>
    NotGradable,

    /// <summary>The lesson is planned, not written yet.</summary>
    Planned,
}

/// <summary>A lesson's progress, step by step, computed from its grade.</summary>
public sealed record LessonProgress(Lesson Lesson, LessonState State, IReadOnlyList<StepProgress> Steps, LessonGrade? Grade)
{
    /// <summary>How many steps pass.</summary>
    public int StepsPassed => Steps.Count(s => s.State == StepState.Passed);

    /// <summary>The first step that does not pass yet, or null when all do.</summary>
    public StepProgress? FirstUnfinished => Steps.FirstOrDefault(s => s.State != StepState.Passed);

    /// <summary>Whether every step passes.</summary>
    public bool IsPassed => State == LessonState.Passed;

    /// <summary>Computes a lesson's progress; <paramref name="grade"/> is null for planned lessons.</summary>
    public static LessonProgress From(Lesson lesson, LessonGrade? grade)
    {
        if (!lesson.IsReady || grade is null)
            return new LessonProgress(lesson, LessonState.Planned, [.. lesson.Steps.Select(s => StepProgress.From(s, []))], grade);

        var steps = lesson.Steps
            .Select(s => StepProgress.From(s, [.. grade.Graders.Where(g => g.Step == s.Number)]))
            .ToList();
        var state = grade.Kind switch
        {
            GradeKind.BuildFailed => LessonState.BuildFailed,
            GradeKind.NotGradable => LessonState.NotGradable,
            _ when steps.All(s => s.State == StepState.Passed) => LessonState.Passed,
            _ when steps.All(s => s.State is StepState.NotStarted or StepState.Unknown) => LessonState.NotStarted,
            _ => LessonState.InProgress,
        };
        return new LessonProgress(lesson, state, steps, grade);
    }

    /// <summary>The progress of every lesson of the manifest, in order, from the grades of the ready ones.</summary>
    public static IReadOnlyList<LessonProgress> ForCourse(CourseManifest manifest, IReadOnlyDictionary<string, LessonGrade> grades) =>
        [.. manifest.Lessons.Select(l => From(l, grades.GetValueOrDefault(l.Number)))];
}
