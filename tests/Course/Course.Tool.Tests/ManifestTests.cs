using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Tests;

public sealed class ManifestTests
{
    [Fact]
    public void The_course_manifest_of_this_repository_is_valid()
    {
        var root = CourseRoot.Find(AppContext.BaseDirectory);
        var manifest = root.LoadManifest();

        Assert.NotEmpty(manifest.ReadyLessons);
        Assert.All(manifest.ReadyLessons, l => Assert.NotEmpty(l.Steps));
        Assert.Equal(manifest.Lessons.Select(l => l.Number).Order(StringComparer.Ordinal), manifest.Lessons.Select(l => l.Number));
    }

    [Fact]
    public void Lessons_steps_files_and_hints_are_read_in_order()
    {
        var lesson = Fixture.Lesson("01");

        Assert.Equal(["01", "02", "03"], Fixture.Manifest.Lessons.Select(l => l.Number));
        Assert.Equal(["01", "02"], Fixture.Manifest.ReadyLessons.Select(l => l.Number));
        Assert.Equal("lessons/01-first", lesson.LessonFolder);
        Assert.Equal("exercises/01-First", lesson.GradedFolder(Track.Exercises));
        Assert.Equal("solutions/01-First", lesson.GradedFolder(Track.Solutions));
        Assert.Equal(["Opener.cs"], lesson.Steps[0].Files);
        Assert.Equal(["Hint one of step 1.", "Hint two of step 1."], lesson.Steps[0].Hints.Select(h => h.Text));
        Assert.Equal(["Closes_cleanly"], lesson.Steps[1].Hints.Single().Graders);
        Assert.Equal("02", Fixture.Manifest.NextReadyAfter(lesson)?.Number);
        Assert.Null(Fixture.Manifest.NextReadyAfter(Fixture.Lesson("02")));
    }

    [Theory]
    [InlineData("3", "03")]
    [InlineData("03", "03")]
    [InlineData(" 1 ", "01")]
    public void Lesson_numbers_can_be_typed_with_or_without_the_leading_zero(string typed, string expected) =>
        Assert.Equal(expected, LessonLookup.Find(Fixture.Manifest, typed).Number);

    [Fact]
    public void An_unknown_lesson_lists_the_valid_ones()
    {
        var error = Assert.Throws<CourseException>(() => LessonLookup.FindReady(Fixture.Manifest, "9"));

        Assert.Equal("There is no lesson '9'.", error.Message);
        Assert.Equal("Lessons are numbered 01, 02, 03; ready now: 01, 02.", error.Advice);
    }

    [Fact]
    public void A_planned_lesson_is_not_ready_yet()
    {
        var error = Assert.Throws<CourseException>(() => LessonLookup.FindReady(Fixture.Manifest, "03"));

        Assert.Contains("planned but not written yet", error.Message);
        Assert.Equal("Ready lessons: 01, 02.", error.Advice);
    }

    [Theory]
    [InlineData("not json", "it is not valid JSON")]
    [InlineData("[]", "the top level must be an object")]
    [InlineData("""{ "title": "t" }""", "\"lessons\" must be an array")]
    [InlineData("""{ "title": "t", "lessons": [ { "number": "1" } ] }""", "lesson 1 needs a non-empty \"slug\"")]
    [InlineData("""{ "title": "t", "lessons": [ LESSON("1", "ready", [STEP(1)]) ] }""", "must be two digits")]
    [InlineData("""{ "title": "t", "lessons": [ LESSON("01", "done", []) ] }""", "status \"done\"")]
    [InlineData("""{ "title": "t", "lessons": [ LESSON("01", "ready", []) ] }""", "is ready but has no steps")]
    [InlineData("""{ "title": "t", "lessons": [ LESSON("01", "ready", [STEP(1), STEP(3)]) ] }""", "numbered 1, 2, 3... in order (found 1, 3)")]
    [InlineData("""{ "title": "t", "lessons": [ LESSON("01", "planned", []), LESSON("01", "planned", []) ] }""", "lesson 01 appears 2 times")]
    [InlineData("""{ "title": "t", "lessons": [ LESSON("01", "ready", [{ "step": 1, "title": "s", "hints": ["old place"] }]) ] }""", "hints now live in the lesson folder's hints.md")]
    public void An_invalid_manifest_says_what_is_wrong(string json, string problem)
    {
        var error = Assert.Throws<CourseException>(() => ManifestLoader.Parse(Expand(json)));

        Assert.StartsWith("course.json is not a valid course manifest: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void The_root_is_found_by_walking_up_to_course_json()
    {
        using var temp = new TempFolder();
        temp.Write("course.json", "{}");
        var deep = Directory.CreateDirectory(Path.Combine(temp.Path, "a", "b")).FullName;

        Assert.Equal(temp.Path, CourseRoot.Find(deep).Path);
        Assert.Equal("a/b/c.cs", CourseRoot.Find(deep).Relative(Path.Combine(deep, "c.cs")));
    }

    [Fact]
    public void Outside_the_course_the_error_says_where_to_run_the_tool()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<CourseException>(() => CourseRoot.Find(temp.Path));

        Assert.Contains("no course.json", error.Message);
        Assert.Contains("dotnet run --project tools/Course", error.Advice);
    }

    /// <summary>Lets the inline data above stay short: LESSON(number, status, steps) and STEP(n).</summary>
    private static string Expand(string json) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(json, @"STEP\((\d+)\)", """{ "step": $1, "title": "s", "files": [] }"""),
            @"LESSON\(""(\w+)"", ""(\w+)"", \[(.*?)\]\)(?=\s*[,\]])",
            """{ "number": "$1", "slug": "s", "title": "t", "status": "$2", "lesson": "l", "notebook": "n", "exercise": "e", "solution": "s", "tests": "t", "steps": [$3] }""");
}
