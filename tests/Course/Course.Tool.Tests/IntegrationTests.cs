using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;

namespace SocketCourse.Tool.Tests;

/// <summary>
/// The real thing, end to end: building and running a lesson's graders, and running a notebook in the C# kernel.
/// Slower (seconds to tens of seconds): filter them out with --filter-not-trait "Category=Integration".
/// </summary>
[Trait("Category", "Integration")]
public sealed class IntegrationTests
{
    [Fact]
    public async Task The_first_ready_lesson_builds_runs_and_passes_on_the_solutions_track()
    {
        // One lesson keeps this to seconds; the course's own CI grades every lesson on both tracks.
        var root = CourseRoot.Find(AppContext.BaseDirectory);
        var lesson = root.LoadManifest().ReadyLessons[0];

        var grades = await new CourseGrader(root, Track.Solutions).GradeAsync([lesson], null, TestContext.Current.CancellationToken);

        var progress = LessonProgress.From(lesson, grades[lesson.Number]);
        Assert.True(progress.IsPassed, $"Lesson {lesson.Number} on the solutions track: {progress.State} {grades[lesson.Number].Problem} {string.Join("; ", grades[lesson.Number].Errors)}");
        Assert.All(progress.Steps, s => Assert.NotEmpty(s.Graders));
    }

    [Fact]
    public async Task A_notebook_runs_in_the_terminal_with_its_outputs()
    {
        var output = new RecordingConsole(80);
        var context = Fixture.Context(output, input: new ScriptedInput(interactive: false));

        var exit = await NotebookCommand.RunAsync(context, "01", all: false, Path.Combine(Fixture.Folder, "sample.ipynb"), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Hello, loopback: 127.0.0.1", output.Text);
        Assert.Contains("42", output.Text);
        Assert.EndsWith("The notebook ran: 2 code cells, no errors.\n", output.Text);
    }
}
