using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Hints;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Tests;

public sealed class CacheAndHintTests
{
    [Fact]
    public void Each_hint_request_reveals_one_more_up_to_the_last()
    {
        using var temp = new TempFolder();
        var state = HintState.In(temp.Path);

        Assert.Equal(0, state.Shown("03", 2));
        Assert.Equal([1, 2, 3, 3], Enumerable.Range(0, 4).Select(_ => state.RevealNext("03", 2, available: 3)));
        Assert.Equal(3, HintState.In(temp.Path).Shown("03", 2)); // persisted
        Assert.Equal(0, state.Shown("03", 1));
    }

    [Fact]
    public void Resetting_forgets_one_lesson_only_and_a_damaged_file_starts_over()
    {
        using var temp = new TempFolder();
        var state = HintState.In(temp.Path);
        state.RevealNext("03", 1, 3);
        state.RevealNext("04", 1, 3);

        state.Reset("03");
        Assert.Equal((0, 1), (state.Shown("03", 1), state.Shown("04", 1)));

        File.WriteAllText(Path.Combine(temp.Path, "hints.json"), "{ not json");
        Assert.Equal(0, state.Shown("04", 1));
    }

    [Fact]
    public void The_fingerprint_changes_with_the_learners_code_but_not_with_build_output()
    {
        using var temp = new TempFolder();
        var root = new CourseRoot(temp.Path);
        var lesson = Fixture.Lesson("01");
        temp.Write("exercises/01-First/Opener.cs", "class Opener {}");
        temp.Write("tests/01-First.Tests/Step1.cs", "class Step1 {}");
        var before = Fingerprint.Of(root, lesson, Track.Exercises);

        temp.Write("exercises/01-First/bin/Debug/x.dll", "binary");
        temp.Write("exercises/01-First/obj/project.assets.json", "{}");
        temp.Write("solutions/01-First/Opener.cs", "class Opener { int done; }");
        Assert.Equal(before, Fingerprint.Of(root, lesson, Track.Exercises));

        temp.Write("exercises/01-First/Opener.cs", "class Opener { }");
        Assert.NotEqual(before, Fingerprint.Of(root, lesson, Track.Exercises));
        Assert.NotEqual(Fingerprint.Of(root, lesson, Track.Exercises), Fingerprint.Of(root, lesson, Track.Solutions));
    }

    [Fact]
    public void A_cached_grade_is_returned_only_for_the_same_key()
    {
        using var temp = new TempFolder();
        var cache = new ResultCache(new CourseRoot(temp.Path), Track.Exercises);
        var grade = Fixture.Grade01("in-progress.xml");

        cache.Put("key-1", grade);

        Assert.Equal(grade.Graders, cache.TryGet("01", "key-1")?.Graders);
        Assert.Null(cache.TryGet("01", "key-2"));
        Assert.Equal(GradeKind.Graded, cache.Last("01")?.Kind);
        Assert.Null(new ResultCache(new CourseRoot(temp.Path), Track.Solutions).Last("01"));
        Assert.StartsWith(Path.Combine(temp.Path, ".course", "results", "exercises"), cache.ReportPath("01"));
    }
}
