using System.Text.Json;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Tests;

/// <summary>The GitHub Classroom and editor files stay in step with the course: one graded test per ready lesson.</summary>
public sealed class ClassroomTests
{
    private static readonly CourseRoot Root = CourseRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void Autograding_has_one_test_per_ready_lesson_running_its_graders_with_points()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Root.Full(".github/classroom/autograding.json")));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();
        var ready = Root.LoadManifest().ReadyLessons;

        Assert.Equal(ready.Count, tests.Count);
        foreach (var (lesson, test) in ready.Zip(tests))
        {
            Assert.StartsWith($"Lesson {lesson.Number} ", test.GetProperty("name").GetString());
            Assert.Equal($"dotnet test --project {lesson.Tests} --filter-not-trait \"Stretch=true\"", test.GetProperty("run").GetString());
            Assert.True(test.GetProperty("points").GetInt32() > 0);
        }
    }

    [Fact]
    public void The_classroom_workflow_grades_every_ready_lesson()
    {
        var workflow = File.ReadAllText(Root.Full(".github/workflows/classroom.yml"));

        foreach (var lesson in Root.LoadManifest().ReadyLessons)
        {
            Assert.Contains($"id: lesson-{lesson.Number}", workflow);
            Assert.Contains($"command: dotnet test --project {lesson.Tests} --no-build", workflow);
            Assert.Contains($"LESSON-{lesson.Number}_RESULTS: \"${{{{steps.lesson-{lesson.Number}.outputs.result}}}}\"", workflow);
        }
    }

    [Fact]
    public void The_dev_container_and_the_recommended_extensions_are_committed()
    {
        Assert.Contains("mcr.microsoft.com/devcontainers/dotnet:10.0", File.ReadAllText(Root.Full(".devcontainer/devcontainer.json")));
        Assert.Contains("ms-dotnettools.csdevkit", File.ReadAllText(Root.Full(".vscode/extensions.json")));
        Assert.Contains("!.vscode/extensions.json", File.ReadAllText(Root.Full(".gitignore")));
    }
}
