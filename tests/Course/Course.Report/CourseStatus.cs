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
    /// Two lines: every ready lesson's standing as last graded ("01 in progress 1/3 · 02 passed 3/3 · 03 no result
    /// yet"), with the time when it is not from the last few minutes, and the next step of the first lesson known
    /// not to pass. Lessons still running in the same `dotnet test` have no fresh result yet.
    /// </summary>
    public static IReadOnlyList<string> Lines(string root, Track track, CourseManifest manifest)
    {
        var now = DateTimeOffset.Now;
        var standings = manifest.ReadyLessons.Select(l => (Lesson: l, Standing: Load(root, track, l.Number))).ToList();
        var parts = standings.Select(s => s.Standing is null
            ? $"{s.Lesson.Number} no result yet"
            : $"{s.Lesson.Number} {s.Standing.State} {s.Standing.StepsPassed}/{s.Standing.Steps}{Age(s.Standing, now)}");
        var first = standings.FirstOrDefault(s => s.Standing is not null && s.Standing.State != Word(LessonState.Passed));
        var next = first.Lesson is not null
            ? first.Standing!.Next + Age(first.Standing, now)
            : standings.Any(s => s.Standing is null)
                ? "grade the lessons with no result yet (dotnet test --project tests/NN-Name.Tests)."
                : "every ready lesson passes.";
        return [$"Course: {string.Join(" · ", parts)}", $"Next for the course: {next}"];
    }

    /// <summary>
    /// Whether <paramref name="lesson"/> is the course's next: every ready lesson before it passed when last graded.
    /// (In one `dotnet test` the earlier lessons may still be running: their last standing is what counts.)
    /// </summary>
    public static bool IsCourseNext(string root, Track track, CourseManifest manifest, string lesson) =>
        manifest.ReadyLessons.TakeWhile(l => l.Number != lesson)
            .All(l => Load(root, track, l.Number)?.State == Word(LessonState.Passed));

    /// <summary>
    /// The course's next step in a few words, from the last standings: "lesson 01, step 1 (`./course` shows the map).", or
    /// that every ready lesson passes, or that a lesson before has no result yet.
    /// </summary>
    public static string NextInShort(string root, Track track, CourseManifest manifest)
    {
        foreach (var lesson in manifest.ReadyLessons)
        {
            var standing = Load(root, track, lesson.Number);
            if (standing is null)
                return $"lesson {lesson.Number}, not graded yet ({Map(track)}).";
            if (standing.State == Word(LessonState.Passed))
                continue;
            var end = standing.Next.IndexOfAny(['(', ':']);
            return (end > 0 ? standing.Next[..end].TrimEnd(' ', ',') : $"lesson {lesson.Number}") + Age(standing, DateTimeOffset.Now) +
                   $" ({Map(track)}).";
        }
        return "every ready lesson passes.";
    }

    private static string Map(Track track) =>
        $"`{(track == Track.Solutions ? ToolCommand.Prefix + " --track solutions" : ToolCommand.Prefix)}` shows the map";

    private static string Age(Standing standing, DateTimeOffset now) =>
        now - standing.GradedAt > TimeSpan.FromMinutes(2) ? $" (as of {standing.GradedAt.ToLocalTime():yyyy-MM-dd HH:mm})" : "";

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
