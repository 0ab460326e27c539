using System.Text.Json;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>
/// Grades remembered in .course/results/&lt;track&gt;/, keyed on the lesson's fingerprint and the test
/// assembly's timestamp, so the map is instant when nothing changed.
/// </summary>
public sealed class ResultCache(CourseRoot root, Track track)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The folder holding this track's results (and the raw xunit reports).</summary>
    public string Folder { get; } = Path.Combine(root.CacheFolder, "results", track.Name());

    /// <summary>The cached grade of <paramref name="lesson"/> if its key is still <paramref name="key"/>.</summary>
    public LessonGrade? TryGet(string lesson, string key)
    {
        var entry = Read(lesson);
        return entry is not null && entry.Key == key ? entry.Grade : null;
    }

    /// <summary>The last grade recorded for <paramref name="lesson"/>, however old (used by hint).</summary>
    public LessonGrade? Last(string lesson) => Read(lesson)?.Grade;

    /// <summary>Remembers <paramref name="grade"/> under <paramref name="key"/>.</summary>
    public void Put(string key, LessonGrade grade)
    {
        Directory.CreateDirectory(Folder);
        var temp = PathOf(grade.Lesson) + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new Entry(key, grade), Json));
        File.Move(temp, PathOf(grade.Lesson), overwrite: true);
    }

    /// <summary>Where the raw xunit report of <paramref name="lesson"/> goes.</summary>
    public string ReportPath(string lesson) => Path.Combine(Folder, $"{lesson}.xml");

    private Entry? Read(string lesson)
    {
        try
        {
            var path = PathOf(lesson);
            return File.Exists(path) ? JsonSerializer.Deserialize<Entry>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null; // a damaged cache entry is simply regraded
        }
    }

    private string PathOf(string lesson) => Path.Combine(Folder, $"{lesson}.json");

    private sealed record Entry(string Key, LessonGrade Grade);
}
