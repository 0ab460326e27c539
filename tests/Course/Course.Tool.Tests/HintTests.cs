using System.Text.RegularExpressions;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Hints;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Tests;

/// <summary>hints.md: its format, matching a hint to the failing grader, and the course's own hint files.</summary>
public sealed partial class HintTests
{
    [Fact]
    public void Bullets_under_step_headings_are_hints_and_continuation_lines_join_them()
    {
        var hints = HintsFile.Parse("""
            # Title, ignored

            An introduction, ignored.

            ## Step 1 · anything after the number is for readers
            - First hint,
              continued here.
            * Second hint with a [link](https://learn.microsoft.com/dotnet/api/system.net.sockets.socket).

            ## Step 2
            - *For `Grader_one`, `Grader_two` and "byte stream":* Loop until it returns 0.
            """);

        Assert.Equal(["First hint, continued here.", "Second hint with a [link](https://learn.microsoft.com/dotnet/api/system.net.sockets.socket)."], hints[1].Select(h => h.Text));
        var targeted = Assert.Single(hints[2]);
        Assert.Equal("Loop until it returns 0.", targeted.Text);
        Assert.Equal(["Grader_one", "Grader_two"], targeted.Graders);
        Assert.Equal(["byte stream"], targeted.Concepts);
    }

    [Theory]
    [InlineData("- a hint before any step\n", "is not under a \"## Step k\" heading")]
    [InlineData("## Step 1\n- a\n## Step 1\n- b\n", "\"## Step 1\" appears twice")]
    public void A_malformed_hints_file_says_what_is_wrong(string markdown, string problem)
    {
        var error = Assert.Throws<FormatException>(() => HintsFile.Parse(markdown));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void The_hints_for_the_failing_grader_or_its_concept_come_first_then_the_rest_in_order()
    {
        IReadOnlyList<Hint> hints =
        [
            new("general"),
            new("for the concept", [], ["end of stream"]),
            new("for the grader", ["Reads_to_end"], []),
        ];
        var byName = new GraderResult("Reads_to_end", 2, GraderOutcome.Failed, Message: "no close");
        var byConcept = new GraderResult("Other", 2, GraderOutcome.Failed, Message: "Why it matters: End of Stream means the peer closed.");

        Assert.Equal(["for the grader", "general", "for the concept"], Hint.Ordered(hints, byName).Select(h => h.Text));
        Assert.Equal(["for the concept", "general", "for the grader"], Hint.Ordered(hints, byConcept).Select(h => h.Text));
        Assert.Equal(["general", "for the concept", "for the grader"], Hint.Ordered(hints, null).Select(h => h.Text));
    }

    [Fact]
    public void Hints_of_steps_the_lesson_does_not_have_are_an_error()
    {
        using var temp = new TempFolder();
        temp.Write("lessons/01-first/hints.md", "## Step 7\n- lost\n");

        var error = Assert.Throws<CourseException>(() => ManifestLoader.WithHints(Fixture.Manifest, temp.Path));

        Assert.Contains("lessons/01-first/hints.md has hints for step 7, but lesson 01 has no such step.", error.Message);
    }

    /// <summary>
    /// The course's own hints: every ready lesson has a hints.md with hints for every step; every grader a hint names
    /// exists in the lesson's graders; every hint links to the Microsoft Learn page of what it talks about.
    /// </summary>
    [Fact]
    public void Every_hint_of_the_course_names_real_graders_and_links_to_Microsoft_Learn()
    {
        var root = CourseRoot.Find(AppContext.BaseDirectory);
        var manifest = root.LoadManifest();
        var problems = new List<string>();
        foreach (var lesson in manifest.ReadyLessons)
        {
            // The lesson's own grader files and the shared ones its project compiles (tests/Shared/…).
            var graders = new SocketCourse.Tool.Dev.CourseTree(root, manifest).GraderSources(lesson)
                .SelectMany(f => TestMethod().Matches(File.ReadAllText(root.Full(f))).Select(m => m.Groups["name"].Value))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var step in lesson.Steps)
            {
                if (step.Hints.Count == 0)
                    problems.Add($"lesson {lesson.Number} step {step.Number} has no hints");
                foreach (var hint in step.Hints)
                {
                    problems.AddRange(hint.Graders.Where(g => !graders.Contains(g)).Select(g => $"lesson {lesson.Number} step {step.Number}: no grader named {g}"));
                    if (!hint.Text.Contains("](https://learn.microsoft.com/", StringComparison.Ordinal))
                        problems.Add($"lesson {lesson.Number} step {step.Number}: no Microsoft Learn link in \"{hint.Text[..Math.Min(50, hint.Text.Length)]}…\"");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A public test method's name (graders are public methods of public classes).</summary>
    [GeneratedRegex(@"public\s+(?:async\s+)?(?:Task|void)\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();
}
