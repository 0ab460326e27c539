using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Tests;

public sealed class BuildOutputTests
{
    private static readonly string R = Fixture.Root.Path;

    private static string Output => $"""
          Determining projects to restore...
        {R}/exercises/01-First/Opener.cs(12,9): error CS1002: ; expected [{R}/exercises/01-First/01-First.csproj]
        {R}/exercises/01-First/Opener.cs(12,9): warning CS0168: The variable 'x' is declared but never used [{R}/exercises/01-First/01-First.csproj]
        {R}/tests/02-Second.Tests/Step1.cs(3,1,3,8): error CS0246: The type or namespace name 'Doer' could not be found [{R}/tests/02-Second.Tests/02-Second.Tests.csproj]
        {R}/exercises/01-First/Opener.cs(12,9): error CS1002: ; expected [{R}/exercises/01-First/01-First.csproj]
        MSBUILD : error MSB1009: Project file does not exist.
        """;

    [Fact]
    public void Compiler_errors_are_read_once_each_with_file_line_code_and_message()
    {
        var errors = CompilerError.Parse(Output);

        Assert.Equal(3, errors.Count);
        Assert.Equal(new CompilerError($"{R}/exercises/01-First/Opener.cs", 12, 9, "CS1002", "; expected", $"{R}/exercises/01-First/01-First.csproj"), errors[0]);
        Assert.Equal(("CS0246", 3, 1), (errors[1].Code, errors[1].Line, errors[1].Column));
        Assert.Equal(new CompilerError(null, 0, 0, "MSB1009", "Project file does not exist.", null), errors[2]);
    }

    [Fact]
    public void Errors_are_sorted_to_the_lesson_whose_code_or_graders_they_are_in()
    {
        var lessons = new[] { Fixture.Lesson("01"), Fixture.Lesson("02") };
        var outcome = LessonBuilder.Sort(lessons, new ProcessResult(1, Output), Fixture.Root, Track.Exercises);

        Assert.False(outcome.Built("01"));
        Assert.Equal(["CS1002"], outcome.ErrorsByLesson["01"].Select(e => e.Code));
        Assert.Equal(["CS0246"], outcome.ErrorsByLesson["02"].Select(e => e.Code));
    }

    [Fact]
    public void An_error_outside_every_lesson_stops_the_lessons_without_errors_of_their_own()
    {
        var output = $"{R}/tests/Course/Course.Testing/Show.cs(1,1): error CS1000: broken harness [{R}/tests/Course/Course.Testing/Course.Testing.csproj]";

        var outcome = LessonBuilder.Sort([Fixture.Lesson("01")], new ProcessResult(1, output), Fixture.Root, Track.Exercises);

        Assert.False(outcome.Built("01"));
        Assert.Equal(["CS1000"], outcome.ErrorsByLesson["01"].Select(e => e.Code));
    }

    [Fact]
    public void A_successful_build_builds_every_lesson()
    {
        var outcome = LessonBuilder.Sort([Fixture.Lesson("01"), Fixture.Lesson("02")], new ProcessResult(0, "Build succeeded."), Fixture.Root, Track.Solutions);

        Assert.True(outcome.Built("01") && outcome.Built("02"));
    }

    [Fact]
    public void A_failed_build_without_compiler_errors_keeps_the_tail_of_the_output()
    {
        var outcome = LessonBuilder.Sort([Fixture.Lesson("01")], new ProcessResult(1, "something odd happened"), Fixture.Root, Track.Exercises);

        Assert.False(outcome.Built("01"));
        Assert.Contains("something odd happened", outcome.Problem);
    }

    [Fact]
    public async Task A_missing_dotnet_is_a_clear_error_not_a_stack_trace()
    {
        var dotnet = new Dotnet(new MissingProgram());

        var error = await Assert.ThrowsAsync<CourseException>(() => dotnet.RunAsync(["build"], ".", TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("The .NET SDK is needed", error.Message);
        Assert.Contains("https://dotnet.microsoft.com/download", error.Advice);
    }

    [Fact]
    public async Task A_dotnet_without_an_SDK_is_the_same_clear_error()
    {
        var dotnet = new Dotnet(new Canned(new ProcessResult(145, "No .NET SDKs were found.")));

        var error = await Assert.ThrowsAsync<CourseException>(() => dotnet.RunAsync(["build"], ".", TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("has no usable SDK", error.Message);
    }

    private sealed class MissingProgram : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
            throw new System.ComponentModel.Win32Exception(2, "No such file or directory");
    }

    private sealed class Canned(ProcessResult result) : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(result);
    }
}
