using System.Text.Json;
using SocketCourse.Tool;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;

namespace SocketCourse.Report;

/// <summary>
/// Each grader project sees only its own lesson. So that `dotnet test` at the root still ends with the whole course
/// and one next step, each report saves its lesson's standing (in the course tool's .course folder) and prints
/// every ready lesson's latest standing, in course order, with the next step of the first one that does not pass.
/// </summary>
public static class CourseStatus
{
    /// <summary>One lesson's standing as last graded by a complete run of its graders.</summary>
    public sealed record Standing(string Lesson, string State, int StepsPassed, int Steps, string Next, DateTimeOffset GradedAt);

    /// <summary>Saves <paramref name="progress"/>, unless some step was not graded (a filtered run).</summary>
    public static void Save(string root, Track track, LessonProgress progress)
    {
        if (progress.Steps.Any(s => s.State == StepState.Unknown))
            return;
        var standing = new Standing(progress.Lesson.Number, Word(progress.State), progress.StepsPassed, progress.Steps.Count,
            progress.IsPassed ? "" : NextAction.For(progress, track), DateTimeOffset.Now);
        try
        {
            Directory.CreateDirectory(Folder(root));
            File.WriteAllText(FileOf(root, track, progress.Lesson.Number), JsonSerializer.Serialize(standing));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The course line is a convenience: without a writable folder the lesson's own report still stands.
        }
    }

    /// <summary>
    /// Two lines: every ready lesson's standing as last graded ("01 in progress 1/3 · 02 not graded yet · …"), and
    /// the next step of the first lesson that does not pass.
    /// </summary>
    public static IReadOnlyList<string> Lines(string root, Track track, CourseManifest manifest)
    {
        var standings = manifest.ReadyLessons.Select(l => (Lesson: l, Standing: Load(root, track, l.Number))).ToList();
        var parts = standings.Select(s => s.Standing is null
            ? $"{s.Lesson.Number} not graded yet"
            : $"{s.Lesson.Number} {s.Standing.State} {s.Standing.StepsPassed}/{s.Standing.Steps}");
        var first = standings.FirstOrDefault(s => s.Standing is null || s.Standing.State != Word(LessonState.Passed));
        var next = first.Lesson is null
            ? "every ready lesson passes."
            : first.Standing is null
                ? $"grade lesson {first.Lesson.Number}: dotnet test --project {first.Lesson.Tests}"
                : first.Standing.Next;
        return [$"Course: {string.Join(" · ", parts)}", $"Next for the course: {next}"];
    }

    private static Standing? Load(string root, Track track, string lesson)
    {
        try
        {
            var path = FileOf(root, track, lesson);
            return File.Exists(path) ? JsonSerializer.Deserialize<Standing>(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static string Word(LessonState state) => state switch
    {
        LessonState.Passed => "passed",
        LessonState.NotStarted => "not started",
        _ => "in progress",
    };

    private static string Folder(string root) => Path.Combine(root, ".course", "dotnet-test");

    private static string FileOf(string root, Track track, string lesson) =>
        Path.Combine(Folder(root), $"{lesson}.{track.Name()}.json");
}
