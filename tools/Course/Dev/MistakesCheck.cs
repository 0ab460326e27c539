using System.Text.Json;
using System.Text.RegularExpressions;
using SocketCourse.Mistakes.Patching;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// Every ready lesson has its catalogue of classic mistakes: mistakes/NN-Name/&lt;kebab-name&gt;/mistake.json with at
/// least a title, the step it belongs to, and the graders that must fail on it, each a test method of the lesson's
/// graders unless the entry says it is "pending", and its mistake.patch applies to the lesson's solution exactly as the
/// catalogue runner applies it (whether the graders catch it, and with which message, is the runner's business).
/// Until the course has a mistakes/ folder at all, a
/// missing catalogue is a note, not a problem. The correct variants, variants/NN-Name/&lt;kebab-name&gt;/variant.json and
/// variant.patch, are checked the same way (their graders are the ones they must pass; a variant is optional).
/// </summary>
public static class MistakesCheck
{
    /// <summary>The file that makes a folder of the catalogue a mistake.</summary>
    public const string MistakeFile = "mistake.json";

    /// <summary>The file that makes a folder of variants/ a correct variant.</summary>
    public const string VariantFile = "variant.json";

    /// <summary>Problems, and notes (reported but not failing) for what is only missing because the catalogue has not landed.</summary>
    public static (IReadOnlyList<DevProblem> Problems, IReadOnlyList<DevProblem> Notes) Run(CourseTree tree)
    {
        var problems = new List<DevProblem>();
        var notes = new List<DevProblem>();
        foreach (var lesson in tree.Manifest.Lessons)
        {
            var folder = CourseTree.MistakesOf(lesson);
            var entries = tree.FolderExists(folder)
                ? Directory.GetDirectories(tree.Root.Full(folder)).Order(StringComparer.Ordinal).ToList()
                : [];
            var mistakes = entries.Where(e => File.Exists(Path.Combine(e, MistakeFile))).ToList();
            if (lesson.IsReady && mistakes.Count == 0)
            {
                var missing = DevProblem.Lesson(lesson.Number, $"is ready but has no catalogue of mistakes: no {folder}/<mistake>/{MistakeFile}");
                (tree.HasMistakesCatalogue ? problems : notes).Add(missing);
            }
            foreach (var entry in mistakes)
                problems.AddRange(Entry(tree, lesson, tree.Root.Relative(entry), variant: false));
            var variants = CourseTree.VariantsOf(lesson);
            if (tree.FolderExists(variants))
                foreach (var entry in Directory.GetDirectories(tree.Root.Full(variants)).Order(StringComparer.Ordinal))
                    problems.AddRange(File.Exists(Path.Combine(entry, VariantFile))
                        ? Entry(tree, lesson, tree.Root.Relative(entry), variant: true)
                        : [DevProblem.Lesson(lesson.Number, $"{tree.Root.Relative(entry)} has no {VariantFile}")]);
        }
        return (problems, notes);
    }

    private static IEnumerable<DevProblem> Entry(CourseTree tree, Lesson lesson, string entry, bool variant)
    {
        var n = lesson.Number;
        var file = $"{entry}/{(variant ? VariantFile : MistakeFile)}";
        var kind = variant ? "variant" : "mistake";
        var name = entry.Split('/')[^1];
        if (!LessonNames.IsSlug(name))
            yield return DevProblem.Lesson(n, $"{entry}: a {kind}'s folder name is kebab-case, e.g. {(variant ? "pause-after-accept-error" : "one-receive-not-a-loop")}");
        JsonElement json = default;
        string? error = null;
        try
        {
            using var document = JsonDocument.Parse(tree.Read(file));
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            error = e.Message;
        }
        if (error is not null)
            yield return DevProblem.Lesson(n, $"{file} is not valid JSON: {error}");
        if (json.ValueKind != JsonValueKind.Object)
        {
            if (json.ValueKind != JsonValueKind.Undefined)
                yield return DevProblem.Lesson(n, $"{file} must be an object with \"title\", \"step\" and \"graders\"");
            yield break;
        }
        if (!json.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(title.GetString()))
            yield return DevProblem.Lesson(n, $"{file} needs a \"title\": the {kind} in a few words");
        if (!json.TryGetProperty("step", out var step) || !step.TryGetInt32(out var number))
            yield return DevProblem.Lesson(n, $"{file} needs \"step\": the number of the step the {kind} belongs to");
        else if (lesson.Step(number) is null)
            yield return DevProblem.Lesson(n, $"{file} belongs to step {number}, which course.json's lesson {n} does not have");
        if (!json.TryGetProperty("graders", out var graders) || graders.ValueKind != JsonValueKind.Array || graders.GetArrayLength() == 0
            || graders.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
        {
            yield return DevProblem.Lesson(n, $"{file} needs \"graders\": the names of the graders that must {(variant ? "pass" : "fail")} on it");
            yield break;
        }
        if (variant && (!json.TryGetProperty("why", out var why) || why.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(why.GetString())))
            yield return DevProblem.Lesson(n, $"{file} needs \"why\": why the variant is correct, and which assumption of a grader it guards against");
        foreach (var problem in Patch(tree, lesson, entry, variant))
            yield return DevProblem.Lesson(n, problem);
        // A pending entry waits for a grader that does not exist yet; its "pending" text says which.
        if (json.TryGetProperty("pending", out var pending) && pending.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(pending.GetString()))
            yield break;
        var source = string.Join("\n", tree.GraderSources(lesson).Select(tree.Read));
        foreach (var grader in graders.EnumerateArray().Select(g => g.GetString()!))
        {
            var method = grader.Split('.')[^1];
            if (!Regex.IsMatch(source, $@"\b{Regex.Escape(method)}\s*\("))
                yield return DevProblem.Lesson(n, $"{file} names grader {grader}, but {lesson.Tests} has no such test method");
        }
    }

    // The entry's change: a patch that applies to the current solution, and nothing else beside the manifest and (a
    // mistake's) snapshot.
    private static IEnumerable<string> Patch(CourseTree tree, Lesson lesson, string entry, bool variant)
    {
        var folder = tree.Root.Full(entry);
        string[] own = variant ? [VariantFile, MistakePatch.VariantFileName] : [MistakeFile, MistakePatch.FileName, "message.txt"];
        var patch = own[1];
        foreach (var stray in Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                     .Where(f => !own.Contains(f)).Order(StringComparer.Ordinal))
            yield return $"{entry}/{stray}: an entry holds only {string.Join(", ", own[..^1])} and {own[^1]} " +
                         $"(a copy of a solution file becomes a patch with: dotnet run --project tools/Mistakes -- new-patch {entry})";
        string? failure = null;
        try { MistakePatch.Apply(tree.Root.Path, lesson.Solution, Path.Combine(folder, patch)); }
        catch (PatchException e) { failure = e.Message; }
        catch (IOException e) { failure = $"{entry}/{patch}: {e.Message}"; }
        if (failure is not null) yield return failure;
    }
}
