using System.Text.Json.Serialization;

namespace SocketCourse.Tool.Manifest;

/// <summary>course.json: the lessons in order, with their folders and steps; each lesson's hints.md adds the hints.</summary>
public sealed record CourseManifest(string Title, string? Source, IReadOnlyList<Lesson> Lessons)
{
    /// <summary>The lessons whose status is "ready", in course order.</summary>
    [JsonIgnore]
    public IReadOnlyList<Lesson> ReadyLessons => [.. Lessons.Where(l => l.IsReady)];

    /// <summary>The ready lesson after <paramref name="lesson"/>, or null if it is the last one.</summary>
    public Lesson? NextReadyAfter(Lesson lesson) =>
        Lessons.SkipWhile(l => l.Number != lesson.Number).Skip(1).FirstOrDefault(l => l.IsReady);
}

/// <summary>One lesson of the manifest. Paths are relative to the course root, with forward slashes.</summary>
public sealed record Lesson(
    string Number,
    string Slug,
    string Title,
    string Seed,
    string Status,
    string LessonFolder,
    string Notebook,
    string Exercise,
    string Solution,
    string Tests,
    IReadOnlyList<LessonStep> Steps)
{
    /// <summary>Whether the lesson is published: graders, exercise and solution exist.</summary>
    public bool IsReady => Status == LessonStatus.Ready;

    /// <summary>The folder the graders compile against on <paramref name="track"/>.</summary>
    public string GradedFolder(Track track) => track == Track.Solutions ? Solution : Exercise;

    /// <summary>The folder of the types the learner is given, not asked to write; both tracks compile it.</summary>
    public string GivenFolder => Exercise + "/Given";

    /// <summary>The step numbered <paramref name="number"/>, or null.</summary>
    public LessonStep? Step(int number) => Steps.FirstOrDefault(s => s.Number == number);
}

/// <summary>One graded step of a lesson: its files in the exercise folder and its hints (from hints.md), in order.</summary>
public sealed record LessonStep(int Number, string Title, IReadOnlyList<string> Files, IReadOnlyList<SocketCourse.Tool.Hints.Hint> Hints);

/// <summary>The values of a lesson's "status".</summary>
public static class LessonStatus
{
    /// <summary>Published and graded.</summary>
    public const string Ready = "ready";

    /// <summary>Announced, not written yet.</summary>
    public const string Planned = "planned";
}
