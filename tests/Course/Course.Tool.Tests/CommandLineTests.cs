using System.CommandLine;
using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Grading;

namespace SocketCourse.Tool.Tests;

public sealed class CommandLineTests
{
    private static RootCommand Cli(Func<Track, CourseContext>? context = null) =>
        CourseCli.Build(context ?? (_ => throw new InvalidOperationException("parsing only")));

    [Theory]
    [InlineData("", "course")]
    [InlineData("check 03", "check")]
    [InlineData("hint 3 2", "hint")]
    [InlineData("watch", "watch")]
    [InlineData("watch 03", "watch")]
    [InlineData("notebook 03 --all", "notebook")]
    [InlineData("export 03 -o x.cs", "export")]
    [InlineData("solution 03 --force", "solution")]
    [InlineData("check 03 --track solutions", "check")]
    [InlineData("--track solutions", "course")]
    public void Every_command_parses(string line, string command)
    {
        var parse = Cli().Parse(line);

        Assert.Empty(parse.Errors);
        Assert.Equal(command, parse.CommandResult.Command is RootCommand ? "course" : parse.CommandResult.Command.Name);
    }

    [Fact]
    public void Arguments_and_options_reach_their_values()
    {
        var parse = Cli().Parse("hint 03 2 --track solutions");

        Assert.Equal("solutions", parse.GetValue(CourseCli.TrackOption));
        Assert.Equal(["03", "2"], parse.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>().Select(a => a.Tokens.Single().Value));
        Assert.Equal("exercises", Cli().Parse("check 03").GetValue(CourseCli.TrackOption));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check 03 --track answers")]
    [InlineData("hint 03 two")]
    [InlineData("frobnicate")]
    public void Bad_command_lines_are_parse_errors(string line) =>
        Assert.NotEmpty(Cli().Parse(line).Errors);

    [Fact]
    public void Help_lists_the_commands()
    {
        var output = new StringWriter();

        Cli().Parse("--help").Invoke(new InvocationConfiguration { Output = output });

        foreach (var command in new[] { "check", "hint", "watch", "notebook", "export", "solution", "--track" })
            Assert.Contains(command, output.ToString());
    }

    [Theory]
    [InlineData("check 9", "There is no lesson '9'.")]
    [InlineData("hint 03", "Lesson 03 (The third lesson) is planned but not written yet.")]
    [InlineData("hint 01 7", "Lesson 01 has no step 7.")]
    [InlineData("solution x", "There is no lesson 'x'.")]
    public async Task Unknown_or_unready_lessons_are_a_message_and_exit_code_2(string line, string message)
    {
        var output = new RecordingConsole();
        var error = new RecordingConsole();

        var exit = await Cli(_ => Fixture.Context(output, error)).Parse(line).InvokeAsync();

        Assert.Equal(ExitCodes.Error, exit);
        Assert.StartsWith($"Error: {message}", error.Text);
        Assert.DoesNotContain("   at ", error.Text);
        Assert.Equal("", output.Text);
    }

    [Fact]
    public async Task Check_exits_0_only_when_the_lesson_passes()
    {
        var failing = await Cli(_ => Fixture.Context(new RecordingConsole(), grader: new FakeGrader(Fixture.Grade01("in-progress.xml")))).Parse("check 01").InvokeAsync();
        var broken = await Cli(_ => Fixture.Context(new RecordingConsole(), grader: new FakeGrader(Fixture.BuildFailed01()))).Parse("check 01").InvokeAsync();
        var output = new RecordingConsole();
        var passing = await Cli(_ => Fixture.Context(output, grader: new FakeGrader(Fixture.Grade01("passed.xml")))).Parse("check 1").InvokeAsync();

        Assert.Equal((ExitCodes.NotPassing, ExitCodes.NotPassing, ExitCodes.Ok), (failing, broken, passing));
        Assert.Contains("Next: lesson 02, The second lesson", output.Text);
    }

    [Fact]
    public async Task The_track_option_reaches_the_context()
    {
        Track? seen = null;

        await Cli(track => { seen = track; return Fixture.Context(new RecordingConsole()); }).Parse("--track solutions").InvokeAsync();

        Assert.Equal(Track.Solutions, seen);
    }

    [Fact]
    public async Task The_map_shows_every_lesson_and_exits_0()
    {
        var output = new RecordingConsole();

        var exit = await Cli(_ => Fixture.Context(output)).Parse("").InvokeAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("The first lesson", output.Text);
        Assert.Contains("0 of 2 ready lessons passed.", output.Text);
    }
}
