using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketCourse.Tool.Dev;

/// <summary>Edits course.json as JSON (not as text), writing it back in the file's own layout: two-space indents, Chinese unescaped.</summary>
public static class ManifestEditor
{
    /// <summary>
    /// Adds lesson <paramref name="lesson"/> to the manifest at <paramref name="path"/> with status "planned", or fills
    /// in the planned entry already there (which must have no steps yet and the same slug).
    /// </summary>
    /// <exception cref="CourseException">The lesson is there with another slug, is ready, or already has steps.</exception>
    public static void AddPlannedLesson(string path, LessonTemplates lesson)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        var lessons = root["lessons"]!.AsArray();
        var entry = lessons.OfType<JsonObject>().FirstOrDefault(l => (string?)l["number"] == lesson.Number);
        if (entry is not null)
        {
            if ((string?)entry["slug"] != lesson.Slug)
                throw new CourseException($"course.json already has lesson {lesson.Number} with slug \"{entry["slug"]}\", not \"{lesson.Slug}\".",
                    $"Use that slug (course dev new {lesson.Number} {entry["slug"]}), or change the manifest first.");
            if ((string?)entry["status"] != "planned" || entry["steps"] is JsonArray { Count: > 0 })
                throw new CourseException($"course.json's lesson {lesson.Number} is already written (status \"{entry["status"]}\", or steps listed).",
                    "dev new only scaffolds a lesson that does not exist yet or is planned without steps.");
        }
        else
        {
            entry = new JsonObject();
            var index = lessons.TakeWhile(l => string.CompareOrdinal((string?)l?["number"], lesson.Number) < 0).Count();
            lessons.Insert(index, entry);
        }
        // Rebuild the entry in the manifest's field order, keeping what the planned entry already said.
        var fields = new (string Name, JsonNode? Value)[]
        {
            ("number", lesson.Number),
            ("slug", lesson.Slug),
            ("title", entry["title"]?.DeepClone() ?? lesson.Title),
            ("seed", entry["seed"]?.DeepClone() ?? lesson.Seed),
            ("status", "planned"),
            ("lesson", lesson.LessonFolder),
            ("notebook", lesson.Notebook),
            ("exercise", lesson.Exercise),
            ("solution", lesson.Solution),
            ("tests", lesson.Tests),
            ("steps", lesson.Steps()),
        };
        var extra = entry.Where(p => fields.All(f => f.Name != p.Key)).Select(p => (p.Key, p.Value?.DeepClone())).ToList();
        entry.Clear();
        foreach (var (name, value) in fields.Concat(extra))
            entry[name] = value;
        File.WriteAllText(path, ToJson(root, indent: 2));
    }

    /// <summary>The title and seed course.json already gives lesson <paramref name="number"/>, if any.</summary>
    public static (string? Title, string? Seed, string? Exercise) Planned(string path, string number)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var entry = root["lessons"]!.AsArray().OfType<JsonObject>().FirstOrDefault(l => (string?)l["number"] == number);
        return ((string?)entry?["title"], (string?)entry?["seed"], (string?)entry?["exercise"]);
    }

    /// <summary>JSON text with <paramref name="indent"/> spaces, non-ASCII text as it is, and a final newline.</summary>
    public static string ToJson(JsonNode node, int indent) =>
        node.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = indent,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
}
