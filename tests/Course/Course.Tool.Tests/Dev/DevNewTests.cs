using SocketCourse.Tool.Dev;
using SocketCourse.Tool.Grading;

namespace SocketCourse.Tool.Tests.Dev;

/// <summary>course dev new writes every part of a lesson; dev check accepts it while planned and refuses it as ready.</summary>
public sealed class DevNewTests
{
    [Fact]
    public async Task A_new_lesson_has_every_part_and_dev_check_finds_nothing_wrong_with_it()
    {
        using var course = new ScratchCourse();

        var written = await DevNew.RunAsync(course.Root, "09", "web-chat", "A chat on the web", null, new ProcessRunner(), TestContext.Current.CancellationToken);

        Assert.All(written, path => Assert.True(File.Exists(course.Path(path)), path));
        Assert.Contains("exercises/09-WebChat/Given/Greeting.cs", written);
        Assert.Contains("mistakes/09-WebChat/README.md", written);
        Assert.Contains("lessons/09-web-chat/hints.md", written);
        var lesson = course.Root.LoadManifest().Lessons.Single(l => l.Number == "09");
        Assert.Equal(("web-chat", "A chat on the web", "planned", "tests/09-WebChat.Tests"), (lesson.Slug, lesson.Title, lesson.Status, lesson.Tests));
        Assert.Equal(["StepOne.cs"], lesson.Steps.Single().Files);
        Assert.Equal(["Greet_says_hello_to_the_name"], lesson.Steps.Single().Hints[0].Graders);
        var sln = File.ReadAllText(course.Path("Course.sln"));
        Assert.Contains(@"exercises\09-WebChat\09-WebChat.csproj", sln);
        Assert.Contains(@"solutions\09-WebChat\09-WebChat.csproj", sln);
        Assert.Contains(@"tests\09-WebChat.Tests\09-WebChat.Tests.csproj", sln);
        Assert.Contains("| 09 | A chat on the web |", File.ReadAllText(course.Path("README.md")));
        var report = await course.CheckAsync();
        Assert.DoesNotContain(report.Problems, p => p.Where is "lesson 09" or "course");
    }

    [Fact]
    public async Task A_scaffolded_lesson_marked_ready_too_soon_fails_dev_check()
    {
        using var course = new ScratchCourse();
        // A number past the course map, so the test never meets a lesson someone has written since.
        await DevNew.RunAsync(course.Root, "09", "web-chat", null, null, new ProcessRunner(), TestContext.Current.CancellationToken);
        var manifest = File.ReadAllText(course.Path("course.json"));
        var at = manifest.IndexOf("\"slug\": \"web-chat\"", StringComparison.Ordinal);
        File.WriteAllText(course.Path("course.json"), manifest[..at] + manifest[at..].ReplaceFirst("\"status\": \"planned\"", "\"status\": \"ready\""));

        var problems = (await course.CheckAsync()).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("lesson 09: is ready but lessons/09-web-chat/README.md still holds scaffold text \"TODO(dev new)\"", problems);
        Assert.Contains("lesson 09: is ready but has no demo program (lessons/09-web-chat/<Name>/<Name>.csproj)", problems);
        Assert.Contains("lesson 09: README.md's course map row should link lessons/09-web-chat/README.md and say **ready**", problems);
    }

    [Fact]
    public async Task A_lesson_that_is_written_already_is_never_overwritten()
    {
        using var course = new ScratchCourse();

        var error = await Assert.ThrowsAsync<CourseException>(() =>
            DevNew.RunAsync(course.Root, "03", "single-connection", null, null, new ProcessRunner(), TestContext.Current.CancellationToken));

        Assert.StartsWith("Lesson 03 already has parts: lessons/03-single-connection/README.md", error.Message);
    }
}

internal static class StringExtensions
{
    public static string ReplaceFirst(this string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + old.Length)..];
    }
}
