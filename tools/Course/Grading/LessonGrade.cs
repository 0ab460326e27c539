using System.Text.Json.Serialization;

namespace SocketCourse.Tool.Grading;

/// <summary>How grading a lesson went, before progress is computed from it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradeKind>))]
public enum GradeKind
{
    /// <summary>The lesson built and its graders ran: see <see cref="LessonGrade.Graders"/>.</summary>
    Graded,

    /// <summary>The lesson's code (or its graders) did not compile: see <see cref="LessonGrade.Errors"/>.</summary>
    BuildFailed,

    /// <summary>The graders could not be run at all (missing project, crash, no report): see <see cref="LessonGrade.Problem"/>.</summary>
    NotGradable,
}

/// <summary>The outcome of grading one lesson on one track.</summary>
public sealed record LessonGrade(
    string Lesson,
    GradeKind Kind,
    IReadOnlyList<GraderResult> Graders,
    IReadOnlyList<CompilerError> Errors,
    string? Problem = null)
{
    /// <summary>A lesson whose graders ran.</summary>
    public static LessonGrade Graded(string lesson, IReadOnlyList<GraderResult> graders) =>
        new(lesson, GradeKind.Graded, graders, []);

    /// <summary>A lesson that did not build.</summary>
    public static LessonGrade BuildFailed(string lesson, IReadOnlyList<CompilerError> errors, string? problem = null) =>
        new(lesson, GradeKind.BuildFailed, [], errors, problem);

    /// <summary>A lesson whose graders could not run.</summary>
    public static LessonGrade NotGradable(string lesson, string problem) =>
        new(lesson, GradeKind.NotGradable, [], [], problem);
}
