using SocketCourse.Notebooks;
using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;
using Snapshooter.Xunit3;

namespace SocketCourse.Tool.Tests;

/// <summary>Snapshots of what the learner sees, rendered without colours at a fixed width.</summary>
public sealed class RenderingTests
{
    private static string Map(params LessonGrade[] grades)
    {
        var console = new RecordingConsole();
        var course = LessonProgress.ForCourse(Fixture.Manifest, grades.ToDictionary(g => g.Lesson));
        MapView.Render(console.Console, Fixture.Manifest, course, Track.Exercises);
        return console.Text;
    }

    private static string Check(LessonGrade grade, Track track = Track.Exercises)
    {
        var console = new RecordingConsole();
        CheckView.Render(console.Console, LessonProgress.From(Fixture.Lesson("01"), grade), Fixture.Root, track);
        return console.Text;
    }

    [Fact]
    public void Map_with_nothing_started() => Snapshot.Match(Map(Fixture.Grade01("not-started.xml"), Fixture.NoneStarted(Fixture.Lesson("02"))));

    [Fact]
    public void Map_in_progress() => Snapshot.Match(Map(Fixture.Grade01("in-progress.xml"), Fixture.NoneStarted(Fixture.Lesson("02"))));

    [Fact]
    public void Map_all_passed() => Snapshot.Match(Map(Fixture.Grade01("passed.xml"), Fixture.AllPass(Fixture.Lesson("02"))));

    [Fact]
    public void Map_with_a_build_error() => Snapshot.Match(Map(Fixture.BuildFailed01(), Fixture.NoneStarted(Fixture.Lesson("02"))));

    [Fact]
    public void Check_not_started() => Snapshot.Match(Check(Fixture.Grade01("not-started.xml")));

    [Fact]
    public void Check_failing_shows_the_graders_teaching_message() => Snapshot.Match(Check(Fixture.Grade01("in-progress.xml")));

    [Fact]
    public void Check_passed() => Snapshot.Match(Check(Fixture.Grade01("passed.xml")));

    [Fact]
    public void Check_build_failed_shows_the_compiler_errors_in_the_learners_files() => Snapshot.Match(Check(Fixture.BuildFailed01()));

    [Fact]
    public void Check_not_gradable() => Snapshot.Match(Check(LessonGrade.NotGradable("01", "The graders stopped without a report (exit code 3).")));

    [Fact]
    public void Notebook_cells_markdown_code_output_and_error()
    {
        var console = new RecordingConsole(80);
        var cells = NotebookFile.Read(Path.Combine(Fixture.Folder, "sample.ipynb"));

        NotebookView.Markdown(console.Console, cells[0]);
        NotebookView.Code(console.Console, cells[1]);
        NotebookView.Outcome(console.Console, new CellOutcome(cells[1], "Hello, loopback: 127.0.0.1\n", null));
        NotebookView.Markdown(console.Console, cells[2]);
        NotebookView.Code(console.Console, cells[3]);
        NotebookView.Outcome(console.Console, new CellOutcome(cells[3], "", "(3,1): error CS0103: The name 'totl' does not exist in the current context"));

        Snapshot.Match(console.Text);
    }

    [Fact]
    public void Solution_diff()
    {
        var console = new RecordingConsole();
        SolutionCommand.Render(console.Console,
        [
            new SolutionCommand.FileComparison("Opener.cs", true, true,
                Diff.LineDiff.Unified("class Opener\n{\n    void Open() => throw new NotImplementedException(\"Step 1\");\n}\n",
                    "class Opener\n{\n    void Open() => socket.Listen();\n}\n", "exercises/01-First/Opener.cs", "solutions/01-First/Opener.cs")),
            new SolutionCommand.FileComparison("01-First.csproj", true, true, []),
            new SolutionCommand.FileComparison("Extra.cs", false, true, Diff.LineDiff.Unified("", "// only here\n", "exercises/01-First/Extra.cs", "solutions/01-First/Extra.cs")),
        ]);

        Snapshot.Match(console.Text);
    }

    [Fact]
    public void Inline_markdown_becomes_escaped_markup()
    {
        Assert.Equal("[bold]bold[/] and [aqua]Socket[[]][/] and [italic]it[/] and x [grey](https://x.org)[/] [[brackets]]",
            MarkdownView.Inline("**bold** and `Socket[]` and *it* and [x](https://x.org) [brackets]"));
        Assert.Equal("snake_case_name stays", MarkdownView.Inline("snake_case_name stays"));
    }

    [Fact]
    public void Markdown_tables_ordered_and_nested_lists_and_quotes_are_drawn()
    {
        var console = new RecordingConsole(60);

        foreach (var block in MarkdownView.Render("| Call | Python |\n|---|---|\n| `Bind` | bind |\n\n1. first\n2. second\n   - inner\n\n> TCP is a byte stream.\n"))
            console.Console.Write(block);

        Assert.Contains("│ Call │ Python │", console.Text);
        Assert.Contains("│ Bind │ bind   │", console.Text);
        Assert.Contains("  1. first\n  2. second\n    • inner", console.Text);
        Assert.Contains("│ TCP is a byte stream.", console.Text);
    }
}
