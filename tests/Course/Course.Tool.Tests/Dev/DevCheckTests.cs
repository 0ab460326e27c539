using SocketCourse.Tool.Dev;

namespace SocketCourse.Tool.Tests.Dev;

/// <summary>
/// course dev check passes on the course as it is, and names the problem when a scratch copy is broken on purpose
/// in each of the ways the authoring goes wrong.
/// </summary>
public sealed class DevCheckTests
{
    [Fact]
    public async Task The_course_as_it_is_passes()
    {
        using var course = new ScratchCourse();

        var report = await course.CheckAsync();

        Assert.True(report.Passed, string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task A_ready_lesson_without_its_notebook_fails()
    {
        using var course = new ScratchCourse();
        File.Delete(course.Path("notebooks/03-single-connection.ipynb"));

        var problems = await Problems(course);

        Assert.Contains("lesson 03: is ready but its notebook notebooks/03-single-connection.ipynb does not exist", problems);
    }

    [Fact]
    public async Task A_step_without_graders_and_graders_of_a_step_the_manifest_lacks_fail()
    {
        using var course = new ScratchCourse();
        var graders = Directory.GetFiles(course.Path("tests/03-SingleConnection.Tests"), "*.cs")
            .Where(f => File.ReadAllText(f).Contains("[Trait(\"Step\", \"4\")]", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(graders);
        foreach (var file in graders)
            course.Replace(course.Root.Relative(file), "[Trait(\"Step\", \"4\")]", "[Trait(\"Step\", \"5\")]");

        var problems = await Problems(course);

        Assert.Contains(problems, p => p.StartsWith("lesson 03: step 4 of course.json", StringComparison.Ordinal)
                                       && p.EndsWith("has no graders with [Trait(\"Step\", \"4\")] in tests/03-SingleConnection.Tests", StringComparison.Ordinal));
        Assert.Contains("lesson 03: tests/03-SingleConnection.Tests/Step4_OneShotClientTests.cs carries [Trait(\"Step\", \"5\")], " +
                        "but course.json has no step 5 in lesson 03 (steps: 1, 2, 3, 4)", problems);
    }

    [Fact]
    public async Task A_stub_pointing_at_a_missing_step_or_notebook_fails()
    {
        using var course = new ScratchCourse();
        course.Replace("exercises/03-SingleConnection/OneShotServer.cs", "See notebooks/03-single-connection.ipynb, step 3.", "See notebooks/03-single-connection.ipynb, step 7.");
        course.Replace("exercises/03-SingleConnection/OneShotClient.cs", "See notebooks/03-single-connection.ipynb", "See notebooks/03-one-shot.ipynb");

        var problems = await Problems(course);

        Assert.Contains(problems, p => p.StartsWith("lesson 03: exercises/03-SingleConnection/OneShotServer.cs:", StringComparison.Ordinal)
                                       && p.EndsWith("the NotImplementedException names step 7, which course.json's lesson 03 does not have (steps: 1, 2, 3, 4)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("lesson 03: exercises/03-SingleConnection/OneShotClient.cs:", StringComparison.Ordinal)
                                       && p.EndsWith("the NotImplementedException names notebooks/03-one-shot.ipynb, which does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_notebook_without_a_steps_heading_fails()
    {
        using var course = new ScratchCourse();
        course.Replace("notebooks/03-single-connection.ipynb", "## Step 2 · TCP is a byte stream", "## TCP is a byte stream");

        var problems = await Problems(course);

        Assert.Contains("lesson 03: notebooks/03-single-connection.ipynb has no heading for step 2 " +
                        "(a markdown line such as \"## Step 2 · Whole messages over a byte stream: send all, read to end\")", problems);
    }

    [Fact]
    public async Task A_demo_on_another_port_than_the_designs_fails()
    {
        using var course = new ScratchCourse();
        course.Replace("lessons/03-single-connection/Server/Program.cs", "defaultPort: 9999", "defaultPort: 9990");

        var problems = await Problems(course);

        Assert.Contains(problems, p => p.StartsWith("lesson 03: lessons/03-single-connection/Server/Program.cs:", StringComparison.Ordinal)
                                       && p.EndsWith("uses port 9990 (\"defaultPort: 9990\"), but the design's demo port for lesson 03 is 9999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_the_catalogue_exists_a_ready_lesson_without_mistakes_fails_and_each_mistake_is_checked()
    {
        using var course = new ScratchCourse();
        if (Directory.Exists(course.Path("mistakes"))) Directory.Delete(course.Path("mistakes"), recursive: true);
        var before = await course.CheckAsync();
        course.Write("mistakes/03-SingleConnection/one-receive-not-a-loop/mistake.json",
            """{ "title": "One Receive instead of a loop", "step": 9, "graders": ["No_such_grader"] }""");
        course.Write("mistakes/03-SingleConnection/waiting-for-its-grader/mistake.json",
            """{ "title": "Not caught yet", "step": 2, "graders": ["TBD"], "pending": "no grader checks this yet" }""");
        var mistake = File.ReadAllText(ScratchCourse.RealRoot.Full("mistakes/03-SingleConnection/single-receive/mistake.patch"));
        course.Write("mistakes/03-SingleConnection/one-receive-not-a-loop/mistake.patch", mistake);
        course.Write("mistakes/03-SingleConnection/waiting-for-its-grader/mistake.patch", mistake);

        var problems = await Problems(course);

        Assert.Contains(before.Notes, n => n.ToString() == "lesson 04: is ready but has no catalogue of mistakes: no mistakes/04-ThreadedServer/<mistake>/mistake.json");
        Assert.Contains("lesson 04: is ready but has no catalogue of mistakes: no mistakes/04-ThreadedServer/<mistake>/mistake.json", problems);
        Assert.DoesNotContain(problems, p => p.StartsWith("lesson 03: is ready but has no catalogue", StringComparison.Ordinal));
        Assert.Contains("lesson 03: mistakes/03-SingleConnection/one-receive-not-a-loop/mistake.json belongs to step 9, which course.json's lesson 03 does not have", problems);
        Assert.Contains("lesson 03: mistakes/03-SingleConnection/one-receive-not-a-loop/mistake.json names grader No_such_grader, " +
                        "but tests/03-SingleConnection.Tests has no such test method", problems);
        Assert.DoesNotContain(problems, p => p.Contains("waiting-for-its-grader", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mistake_whose_patch_no_longer_applies_or_that_holds_a_copy_of_a_solution_file_fails()
    {
        using var course = new ScratchCourse();
        // single-receive's patch removes this line: a solution that now says it differently is not what the patch was made on.
        course.Replace("solutions/03-SingleConnection/ByteStream.cs", "        var received = new MemoryStream();", "        var received = new MemoryStream(capacity: 256);");
        File.Copy(course.Path("solutions/03-SingleConnection/OneShotServer.cs"), course.Path("mistakes/03-SingleConnection/single-receive/OneShotServer.cs"));

        var problems = await Problems(course);

        Assert.Contains(problems, p => p.StartsWith("lesson 03: mistakes/03-SingleConnection/single-receive/mistake.patch: the hunk at line 3 (@@ -", StringComparison.Ordinal)
                                       && p.Contains("does not apply to solutions/03-SingleConnection/ByteStream.cs: line ", StringComparison.Ordinal)
                                       && p.Contains("is \"var received = new MemoryStream(capacity: 256);\", the hunk expects \"var received = new MemoryStream();\"", StringComparison.Ordinal)
                                       && p.EndsWith("The solution changed under this mistake: regenerate or rewrite it.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("lesson 03: mistakes/03-SingleConnection/single-receive/OneShotServer.cs: an entry holds only mistake.json, mistake.patch and message.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correct_variant_without_its_reason_whose_patch_no_longer_applies_or_that_names_no_grader_fails()
    {
        using var course = new ScratchCourse();
        const string variant = "variants/04-ThreadedServer/pause-after-accept-error";
        Assert.True(File.Exists(course.Path($"{variant}/variant.patch")), "the course has this variant; pick another if it was renamed");
        // The variant's patch replaces this line: a solution that now says it differently is not what the patch was made on.
        course.Replace("solutions/04-ThreadedServer/ThreadingTcpServer.cs",
            "continue; // e.g. a client that gave up while queued in the backlog: keep accepting the others", "continue;");
        course.Write($"{variant}/variant.json", """{ "title": "A pause after an Accept error", "step": 1, "graders": ["No_such_grader"] }""");
        course.Write("variants/04-ThreadedServer/no-manifest/variant.patch", "");

        var problems = await Problems(course);

        Assert.Contains($"lesson 04: {variant}/variant.json needs \"why\": why the variant is correct, and which assumption of a grader it guards against", problems);
        Assert.Contains($"lesson 04: {variant}/variant.json names grader No_such_grader, but tests/04-ThreadedServer.Tests has no such test method", problems);
        Assert.Contains(problems, p => p.StartsWith($"lesson 04: {variant}/variant.patch: the hunk at line 3 (@@ -", StringComparison.Ordinal)
                                       && p.Contains("does not apply to solutions/04-ThreadedServer/ThreadingTcpServer.cs", StringComparison.Ordinal));
        Assert.Contains("lesson 04: variants/04-ThreadedServer/no-manifest has no variant.json", problems);
    }

    [Fact]
    public async Task A_path_against_the_two_spelling_rule_and_a_project_missing_from_the_solution_file_fail()
    {
        using var course = new ScratchCourse();
        course.Replace("course.json", "\"notebook\": \"notebooks/03-single-connection.ipynb\"", "\"notebook\": \"notebooks/03-SingleConnection.ipynb\"");
        var sln = File.ReadAllLines(course.Path("Course.sln")).ToList();
        var line = sln.FindIndex(l => l.Contains(@"tests\04-ThreadedServer.Tests\04-ThreadedServer.Tests.csproj", StringComparison.Ordinal));
        sln.RemoveRange(line, 2);
        File.WriteAllLines(course.Path("Course.sln"), sln);

        var problems = await Problems(course);

        Assert.Contains("lesson 03: \"notebook\" in course.json is \"notebooks/03-SingleConnection.ipynb\"; by the two-spelling rule it is \"notebooks/03-single-connection.ipynb\"", problems);
        Assert.Contains("course: tests/04-ThreadedServer.Tests/04-ThreadedServer.Tests.csproj is not in Course.sln: " +
                        "dotnet sln Course.sln add tests/04-ThreadedServer.Tests/04-ThreadedServer.Tests.csproj", problems);
    }

    [Fact]
    public async Task A_given_type_listed_as_a_file_to_edit_fails()
    {
        using var course = new ScratchCourse();
        course.Replace("course.json", "\"ReplyHandler.cs\"", "\"ReplyHandler.cs\", \"Given/ClientLeft.cs\"");

        var problems = await Problems(course);

        Assert.Contains("lesson 04: step 2 lists Given/ClientLeft.cs, a given type: a step lists only files the learner edits", problems);
    }

    [Fact]
    public async Task A_type_copied_into_both_exercise_and_solution_fails()
    {
        using var course = new ScratchCourse();
        File.Move(course.Path("exercises/03-SingleConnection/Given/Exchange.cs"), course.Path("exercises/03-SingleConnection/Exchange.cs"));
        File.Copy(course.Path("exercises/03-SingleConnection/Exchange.cs"), course.Path("solutions/03-SingleConnection/Exchange.cs"));

        var problems = await Problems(course);

        Assert.Contains("lesson 03: exercises/03-SingleConnection/Exchange.cs and solutions/03-SingleConnection/Exchange.cs are the same file: " +
                        "a type the learner uses but does not write lives once, in exercises/03-SingleConnection/Given/ (the solution compiles it from there)", problems);
    }

    [Fact]
    public async Task A_hint_for_a_grader_that_does_not_exist_fails()
    {
        using var course = new ScratchCourse();
        var hints = File.ReadAllText(course.Path("lessons/03-single-connection/hints.md"));
        var at = hints.IndexOf("## Step 2", StringComparison.Ordinal);
        Assert.True(at > 0);
        File.WriteAllText(course.Path("lessons/03-single-connection/hints.md"),
            hints[..at] + "- *For `No_such_grader`:* a hint for nothing.\n\n" + hints[at..]);

        var problems = await Problems(course);

        Assert.Contains("lesson 03: lessons/03-single-connection/hints.md: a hint of step 1 is for grader No_such_grader, " +
                        "but tests/03-SingleConnection.Tests has no such test method", problems);
    }

    [Fact]
    public async Task On_the_command_line_a_problem_is_printed_and_exits_1()
    {
        using var course = new ScratchCourse();
        course.Replace("lessons/03-single-connection/Server/Program.cs", "defaultPort: 9999", "defaultPort: 9990");
        var output = new RecordingConsole(400);

        var exit = await DevCommand.Build(() => course.Root, output: output.Console).Parse("check --no-api").InvokeAsync();

        Assert.Equal(1, exit);
        Assert.Contains("problem: lesson 03: lessons/03-single-connection/Server/Program.cs:", output.Text);
        Assert.Matches(@"dev check: \d+ problems? \(", output.Text);
        Assert.Contains("public APIs not compared)", output.Text);
    }

    private static async Task<IReadOnlyList<string>> Problems(ScratchCourse course)
    {
        var report = await course.CheckAsync();
        Assert.False(report.Passed, "dev check passed on a broken course");
        return [.. report.Problems.Select(p => p.ToString())];
    }
}
