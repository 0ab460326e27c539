using System.Text.Json;
using System.Text.RegularExpressions;
using SocketCourse.Tool.Hints;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// course.json's steps are the one list of a lesson's steps; the graders' Step traits, the stubs'
/// NotImplementedException pointers and the notebook's step headings must all agree with it.
/// </summary>
public static partial class StepsCheck
{
    /// <summary>Every disagreement, for each lesson whose parts exist (all of them for a ready lesson).</summary>
    public static IEnumerable<DevProblem> Run(CourseTree tree)
    {
        foreach (var lesson in tree.Manifest.Lessons)
        {
            if (!lesson.IsReady && lesson.Steps.Count == 0) continue;
            foreach (var problem in Graders(tree, lesson)) yield return problem;
            foreach (var problem in Stubs(tree, lesson)) yield return problem;
            foreach (var problem in Notebook(tree, lesson)) yield return problem;
            foreach (var problem in Hints(tree, lesson)) yield return problem;
        }
    }

    /// <summary>A ready lesson's hints.md gives every step a hint, and a hint "for" a grader names one that exists.</summary>
    public static IEnumerable<DevProblem> Hints(CourseTree tree, Lesson lesson)
    {
        var n = lesson.Number;
        var file = $"{lesson.LessonFolder}/{HintsFile.FileName}";
        if (!tree.FileExists(file)) yield break;   // a ready lesson without it is a missing part (LayoutCheck)
        if (lesson.IsReady)
        {
            foreach (var step in lesson.Steps.Where(s => s.Hints.Count == 0))
                yield return DevProblem.Lesson(n, $"{file} has no hint for step {step.Number} (bullets under \"## Step {step.Number}\")");
        }
        var source = string.Join("\n", tree.GraderSources(lesson).Select(tree.Read));
        foreach (var step in lesson.Steps)
        {
            foreach (var grader in step.Hints.SelectMany(h => h.Graders).Distinct())
            {
                if (!Regex.IsMatch(source, $@"\b{Regex.Escape(grader)}\s*\("))
                    yield return DevProblem.Lesson(n, $"{file}: a hint of step {step.Number} is for grader {grader}, but {lesson.Tests} has no such test method");
            }
        }
    }

    /// <summary>Every step has graders with its trait; no grader carries a step or lesson the manifest lacks.</summary>
    public static IEnumerable<DevProblem> Graders(CourseTree tree, Lesson lesson)
    {
        var n = lesson.Number;
        if (!tree.FolderExists(lesson.Tests)) yield break;
        var steps = lesson.Steps.Select(s => s.Number).ToHashSet();
        var graded = new HashSet<int>();
        foreach (var file in tree.Files(lesson.Tests, ".cs"))
        {
            var text = tree.Read(file);
            if (!TestAttribute().IsMatch(text)) continue;
            var stepTraits = StepTrait().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).ToList();
            var lessonTraits = LessonTrait().Matches(text).Select(m => m.Groups[1].Value).ToList();
            if (stepTraits.Count == 0)
                yield return DevProblem.Lesson(n, $"{file} has graders without a [Trait(\"Step\", \"k\")]");
            if (lessonTraits.Count == 0)
                yield return DevProblem.Lesson(n, $"{file} has graders without [Trait(\"Lesson\", \"{n}\")]");
            foreach (var other in lessonTraits.Where(l => l != n).Distinct())
                yield return DevProblem.Lesson(n, $"{file} carries [Trait(\"Lesson\", \"{other}\")] but grades lesson {n}");
            foreach (var step in stepTraits.Distinct())
            {
                if (steps.Contains(step)) graded.Add(step);
                else yield return DevProblem.Lesson(n, $"{file} carries [Trait(\"Step\", \"{step}\")], but course.json has no step {step} in lesson {n} (steps: {List(steps)})");
            }
        }
        foreach (var step in lesson.Steps.Where(s => !graded.Contains(s.Number)))
            yield return DevProblem.Lesson(n, $"step {step.Number} of course.json (\"{step.Title}\") has no graders with [Trait(\"Step\", \"{step.Number}\")] in {lesson.Tests}");
    }

    /// <summary>Every stub's NotImplementedException names this lesson's notebook and a step that exists and lists its file.</summary>
    public static IEnumerable<DevProblem> Stubs(CourseTree tree, Lesson lesson)
    {
        var n = lesson.Number;
        if (!tree.FolderExists(lesson.Exercise)) yield break;
        var steps = lesson.Steps.Select(s => s.Number).ToHashSet();
        foreach (var file in tree.Files(lesson.Exercise, ".cs"))
        {
            var relative = file[(lesson.Exercise.Length + 1)..];
            var text = tree.Read(file);
            foreach (Match stub in NotImplemented().Matches(text))
            {
                var where = $"{file}:{text[..stub.Index].Count(c => c == '\n') + 1}";
                var message = Concatenation().Replace(stub.Groups["message"].Value, "");
                var pointer = NotebookPointer().Match(message);
                if (!pointer.Success)
                {
                    yield return DevProblem.Lesson(n, $"{where}: the NotImplementedException does not point at its notebook step " +
                        $"(\"Step k: what to do. See {lesson.Notebook}, step k.\")");
                    continue;
                }
                var notebook = pointer.Groups["notebook"].Value;
                var step = int.Parse(pointer.Groups["step"].Value);
                if (notebook != lesson.Notebook || !tree.FileExists(notebook))
                    yield return DevProblem.Lesson(n, $"{where}: the NotImplementedException names {notebook}, which " +
                        (tree.FileExists(notebook) ? $"is not this lesson's notebook ({lesson.Notebook})" : "does not exist"));
                if (!steps.Contains(step))
                {
                    yield return DevProblem.Lesson(n, $"{where}: the NotImplementedException names step {step}, which course.json's lesson {n} does not have (steps: {List(steps)})");
                    continue;
                }
                var lead = LeadingStep().Match(message);
                if (lead.Success && int.Parse(lead.Groups[1].Value) != step)
                    yield return DevProblem.Lesson(n, $"{where}: the NotImplementedException starts \"Step {lead.Groups[1].Value}:\" but points at step {step}");
                var listedUnder = lesson.Steps.Where(s => s.Files.Contains(relative)).Select(s => s.Number).ToList();
                if (!listedUnder.Contains(step))
                    yield return DevProblem.Lesson(n, $"{where}: the stub belongs to step {step}, but course.json lists {relative} " +
                        (listedUnder.Count == 0 ? "under no step" : $"under step {List(listedUnder)}"));
            }
        }
    }

    /// <summary>The notebook has a heading for every step ("## Step k · ...", or "## Step 3 and 4 · ..."), and none for a step the manifest lacks.</summary>
    public static IEnumerable<DevProblem> Notebook(CourseTree tree, Lesson lesson)
    {
        var n = lesson.Number;
        if (!tree.FileExists(lesson.Notebook)) yield break;
        HashSet<int> headed = [];
        string? error = null;
        try
        {
            headed = StepHeadings(tree.Read(lesson.Notebook));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            error = e.Message;
        }
        if (error is not null)
        {
            yield return DevProblem.Lesson(n, $"{lesson.Notebook} is not a readable notebook: {error}");
            yield break;
        }
        foreach (var step in lesson.Steps.Where(s => !headed.Contains(s.Number)))
            yield return DevProblem.Lesson(n, $"{lesson.Notebook} has no heading for step {step.Number} (a markdown line such as \"## Step {step.Number} · {step.Title}\")");
        foreach (var step in headed.Where(h => lesson.Step(h) is null).Order())
            yield return DevProblem.Lesson(n, $"{lesson.Notebook} has a heading for step {step}, which course.json's lesson {n} does not have");
    }

    /// <summary>The step numbers the markdown headings of a notebook's JSON name.</summary>
    public static HashSet<int> StepHeadings(string notebookJson)
    {
        var numbers = new HashSet<int>();
        using var document = JsonDocument.Parse(notebookJson);
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "markdown") continue;
            var source = cell.GetProperty("source");
            var text = source.ValueKind == JsonValueKind.Array
                ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
                : source.GetString() ?? "";
            foreach (var line in text.Split('\n'))
            {
                var heading = StepHeading().Match(line);
                if (!heading.Success) continue;
                var found = Regex.Matches(heading.Groups["list"].Value, @"\d+").Select(m => int.Parse(m.Value)).ToList();
                // "Step 3–5" is a range; "Step 3 and 4", "Steps 1, 2" are lists.
                if (found.Count == 2 && Regex.IsMatch(heading.Groups["list"].Value, @"\d\s*(–|-|to)\s*\d"))
                    found = [.. Enumerable.Range(found[0], Math.Max(0, found[1] - found[0] + 1))];
                numbers.UnionWith(found);
            }
        }
        return numbers;
    }

    private static string List(IEnumerable<int> steps) => steps.Any() ? string.Join(", ", steps.Order()) : "none";

    [GeneratedRegex(@"^\s*\[\s*(Fact|Theory)\b", RegexOptions.Multiline)]
    private static partial Regex TestAttribute();

    [GeneratedRegex("""\[\s*Trait\s*\(\s*"Step"\s*,\s*"(\d+)"\s*\)""")]
    private static partial Regex StepTrait();

    [GeneratedRegex("""\[\s*Trait\s*\(\s*"Lesson"\s*,\s*"([^"]*)"\s*\)""")]
    private static partial Regex LessonTrait();

    [GeneratedRegex("""new\s+(System\.)?NotImplementedException\s*\(\s*(?<message>\$?@?"(?:[^"\\]|\\.)*"(\s*\+\s*\$?@?"(?:[^"\\]|\\.)*")*)?""")]
    private static partial Regex NotImplemented();

    /// <summary>The joints of "a " + "b": removed to read the message as one text.</summary>
    [GeneratedRegex("""("\s*\+\s*\$?@?")""")]
    private static partial Regex Concatenation();

    [GeneratedRegex(@"[Ss]ee (?<notebook>notebooks/[^\s,""]+\.ipynb), step (?<step>\d+)")]
    private static partial Regex NotebookPointer();

    [GeneratedRegex(@"^\$?@?""\s*Step (\d+):")]
    private static partial Regex LeadingStep();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+Steps?\s+(?<list>\d+(\s*(,|and|&|–|-|to)\s*\d+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex StepHeading();
}
