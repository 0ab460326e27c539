using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using Spectre.Console;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// <c>course dev new NN slug</c>: scaffolds lesson NN with every part in place (text, notebook, exercise and solution
/// with a Given folder, graders with their traits, a mistakes folder, the manifest entry as "planned", Course.sln
/// entries). It writes nothing over an existing file.
/// </summary>
public static class DevNew
{
    /// <summary>Writes the lesson; returns the paths written, relative to the root.</summary>
    /// <exception cref="CourseException">A bad number, slug or name, or a part that already exists.</exception>
    public static async Task<IReadOnlyList<string>> RunAsync(CourseRoot root, string number, string slug, string? title, string? name,
        IProcessRunner runner, CancellationToken cancellationToken)
    {
        if (number.Length != 2 || !number.All(char.IsAsciiDigit) || number == "00")
            throw new CourseException($"\"{number}\" is not a lesson number: two digits, like 05.");
        if (!LessonNames.IsSlug(slug))
            throw new CourseException($"\"{slug}\" is not a slug: lowercase words joined by hyphens, like chat-room.");
        var manifestPath = root.Full(ManifestLoader.FileName);
        var planned = ManifestEditor.Planned(manifestPath, number);
        name ??= planned.Exercise is { } exercise ? LessonNames.NameInFolder(exercise, number) : null;
        name ??= LessonNames.NameOf(slug);
        if (!LessonNames.Matches(slug, name))
            throw new CourseException($"\"{name}\" does not spell the slug \"{slug}\": Name is the slug without hyphens, in PascalCase.",
                $"Leave --name out to get {LessonNames.NameOf(slug)}.");
        var lesson = new LessonTemplates(number, slug, name,
            title ?? planned.Title ?? string.Join(' ', slug.Split('-')).Transform(t => char.ToUpperInvariant(t[0]) + t[1..]),
            planned.Seed ?? $"{LayoutCheck.ScaffoldMarker}: the seed's section");
        var files = lesson.Files();
        var taken = files.Keys.Where(f => File.Exists(root.Full(f)))
            .Concat(new[] { lesson.LessonFolder, lesson.Exercise, lesson.Solution, lesson.Tests, lesson.Mistakes }.Where(f => Directory.Exists(root.Full(f))))
            .ToList();
        if (taken.Count > 0)
            throw new CourseException($"Lesson {number} already has parts: {string.Join(", ", taken)}.", "dev new never writes over a lesson; remove them first if they are leftovers.");

        ManifestEditor.AddPlannedLesson(manifestPath, lesson);
        foreach (var (path, text) in files)
        {
            var full = root.Full(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text, cancellationToken);
        }
        var solutionFile = await new Dotnet(runner).RunAsync(["sln", "Course.sln", "add", .. lesson.Projects], root.Path, TimeSpan.FromMinutes(2), cancellationToken);
        if (solutionFile.ExitCode != 0)
            throw new CourseException($"The lesson's files are written, but adding its projects to Course.sln failed:\n{solutionFile.Output.Trim()}",
                $"Add them by hand: dotnet sln Course.sln add {string.Join(' ', lesson.Projects)}");
        AddCourseMapRow(root, lesson);
        return [ManifestLoader.FileName, "Course.sln", .. files.Keys];
    }

    /// <summary>Prints what was written and what to do next.</summary>
    public static void Render(IAnsiConsole console, string number, IReadOnlyList<string> written)
    {
        console.MarkupLine($"[green]Lesson {number} scaffolded[/] (status \"planned\"):");
        foreach (var path in written)
            console.MarkupLine($"  {Markup.Escape(path)}");
        console.MarkupLine($"Next: replace every \"{LayoutCheck.ScaffoldMarker}\", add demos, mistakes and steps; " +
                           $"`dotnet run --project tools/Course -- dev check` says what is missing before you mark it ready.");
    }

    private static void AddCourseMapRow(CourseRoot root, LessonTemplates lesson)
    {
        var readme = root.Full("README.md");
        if (!File.Exists(readme)) return;
        var lines = File.ReadAllLines(readme).ToList();
        if (lines.Any(l => l.StartsWith($"| {lesson.Number} |", StringComparison.Ordinal))) return;
        var last = lines.FindLastIndex(l => l.Length > 5 && l.StartsWith("| ", StringComparison.Ordinal) && char.IsAsciiDigit(l[2]) && char.IsAsciiDigit(l[3]) && l[4] == ' '
                                            && string.CompareOrdinal(l[2..4], lesson.Number) < 0);
        if (last < 0) return;
        lines.Insert(last + 1, $"| {lesson.Number} | {lesson.Title} | {LayoutCheck.ScaffoldMarker} | {LayoutCheck.ScaffoldMarker} | planned |");
        File.WriteAllText(readme, string.Join("\n", lines) + "\n");
    }

    private static string Transform(this string text, Func<string, string> change) => text.Length == 0 ? text : change(text);
}
