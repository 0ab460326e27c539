using System.Text.Json;
using SocketCourse.Tool.Hints;

namespace SocketCourse.Tool.Manifest;

/// <summary>Reads and validates course.json, reporting every problem with the lesson it concerns.</summary>
public static class ManifestLoader
{
    /// <summary>The manifest's file name, at the course root.</summary>
    public const string FileName = "course.json";

    /// <summary>Loads the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="CourseException">The file is missing, not JSON, or not a valid manifest.</exception>
    public static CourseManifest Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new CourseException($"Cannot read {FileName}: {e.Message}");
        }
        return WithHints(Parse(json), Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// Adds each lesson's hints from &lt;lesson folder&gt;/hints.md (under <paramref name="root"/>), if the file exists.
    /// </summary>
    /// <exception cref="CourseException">A hints file is malformed or names a step the lesson does not have.</exception>
    public static CourseManifest WithHints(CourseManifest manifest, string root)
    {
        var lessons = new List<Lesson>();
        foreach (var lesson in manifest.Lessons)
        {
            var file = Path.Combine(root, lesson.LessonFolder.Replace('/', Path.DirectorySeparatorChar), HintsFile.FileName);
            if (!File.Exists(file))
            {
                lessons.Add(lesson);
                continue;
            }
            var where = $"{lesson.LessonFolder}/{HintsFile.FileName}";
            IReadOnlyDictionary<int, IReadOnlyList<Hint>> hints;
            try
            {
                hints = HintsFile.Parse(File.ReadAllText(file));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                throw new CourseException($"{where} could not be read: {e.Message}.", "Each hint is a bullet under a \"## Step k\" heading (see lesson 03's hints.md).");
            }
            foreach (var unknown in hints.Keys.Where(k => lesson.Step(k) is null))
                throw new CourseException($"{where} has hints for step {unknown}, but lesson {lesson.Number} has no such step.", $"Its steps are {string.Join(", ", lesson.Steps.Select(s => s.Number))} (see course.json).");
            lessons.Add(lesson with { Steps = [.. lesson.Steps.Select(s => s with { Hints = hints.GetValueOrDefault(s.Number) ?? [] })] });
        }
        return manifest with { Lessons = lessons };
    }

    /// <summary>Parses and validates manifest text.</summary>
    /// <exception cref="CourseException">The text is not JSON or not a valid manifest.</exception>
    public static CourseManifest Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw Invalid($"it is not valid JSON ({e.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Invalid("the top level must be an object with \"title\" and \"lessons\"");
            var title = Text(root, "title", "the course");
            var source = OptionalText(root, "source");
            if (!root.TryGetProperty("lessons", out var lessonsJson) || lessonsJson.ValueKind != JsonValueKind.Array)
                throw Invalid("\"lessons\" must be an array");
            var lessons = lessonsJson.EnumerateArray().Select((l, i) => ReadLesson(l, i)).ToList();
            Validate(lessons);
            return new CourseManifest(title, source, lessons);
        }
    }

    private static Lesson ReadLesson(JsonElement json, int index)
    {
        var where = $"lesson #{index + 1}";
        if (json.ValueKind != JsonValueKind.Object)
            throw Invalid($"{where} is not an object");
        var number = Text(json, "number", where);
        where = $"lesson {number}";
        var steps = new List<LessonStep>();
        if (json.TryGetProperty("steps", out var stepsJson))
        {
            if (stepsJson.ValueKind != JsonValueKind.Array)
                throw Invalid($"\"steps\" of {where} must be an array");
            foreach (var s in stepsJson.EnumerateArray())
                steps.Add(ReadStep(s, where));
        }
        return new Lesson(
            number,
            Text(json, "slug", where),
            Text(json, "title", where),
            OptionalText(json, "seed") ?? "",
            Text(json, "status", where),
            Text(json, "lesson", where),
            Text(json, "notebook", where),
            Text(json, "exercise", where),
            Text(json, "solution", where),
            Text(json, "tests", where),
            steps);
    }

    private static LessonStep ReadStep(JsonElement json, string lesson)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("step", out var n) || !n.TryGetInt32(out var number))
            throw Invalid($"every step of {lesson} needs a number (\"step\": 1)");
        var where = $"step {number} of {lesson}";
        if (json.TryGetProperty("hints", out _))
            throw Invalid($"{where} has \"hints\"; hints now live in the lesson folder's {HintsFile.FileName}, under \"## Step {number}\"");
        return new LessonStep(number, Text(json, "title", where), Strings(json, "files", where), []);
    }

    private static void Validate(List<Lesson> lessons)
    {
        foreach (var duplicate in lessons.GroupBy(l => l.Number).Where(g => g.Count() > 1))
            throw Invalid($"lesson {duplicate.Key} appears {duplicate.Count()} times");
        foreach (var lesson in lessons)
        {
            if (lesson.Number.Length != 2 || !lesson.Number.All(char.IsAsciiDigit))
                throw Invalid($"lesson number \"{lesson.Number}\" must be two digits, like \"03\"");
            if (lesson.Status is not (LessonStatus.Ready or LessonStatus.Planned))
                throw Invalid($"lesson {lesson.Number} has status \"{lesson.Status}\"; use \"ready\" or \"planned\"");
            if (!lesson.IsReady)
                continue;
            if (lesson.Steps.Count == 0)
                throw Invalid($"lesson {lesson.Number} is ready but has no steps");
            var numbers = lesson.Steps.Select(s => s.Number).ToList();
            if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)))
                throw Invalid($"the steps of lesson {lesson.Number} must be numbered 1, 2, 3... in order (found {string.Join(", ", numbers)})");
        }
    }

    private static string Text(JsonElement json, string name, string where) =>
        OptionalText(json, name) is { Length: > 0 } value
            ? value
            : throw Invalid($"{where} needs a non-empty \"{name}\"");

    private static string? OptionalText(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement json, string name, string where)
    {
        if (!json.TryGetProperty(name, out var array))
            return [];
        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw Invalid($"\"{name}\" of {where} must be an array of strings");
        return [.. array.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static CourseException Invalid(string problem) =>
        new($"{FileName} is not a valid course manifest: {problem}.", "Fix course.json (see lesson 03's entry for the shape of a ready lesson).");
}
