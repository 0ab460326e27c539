using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Progress;

namespace SocketCourse.Tool.Tests;

public sealed class ProgressTests
{
    [Fact]
    public void Every_grader_on_a_stub_means_not_started()
    {
        var progress = LessonProgress.From(Fixture.Lesson("01"), Fixture.Grade01("not-started.xml"));

        Assert.Equal(LessonState.NotStarted, progress.State);
        Assert.All(progress.Steps, s => Assert.Equal(StepState.NotStarted, s.State));
        Assert.Equal(0, progress.StepsPassed);
        Assert.Equal(1, progress.FirstUnfinished?.Step.Number);
    }

    [Fact]
    public void A_step_passes_only_when_all_its_graders_pass()
    {
        var progress = LessonProgress.From(Fixture.Lesson("01"), Fixture.Grade01("in-progress.xml"));

        Assert.Equal(LessonState.InProgress, progress.State);
        Assert.Equal([StepState.Passed, StepState.Failing], progress.Steps.Select(s => s.State));
        Assert.Equal(1, progress.StepsPassed);
        Assert.Equal("Closes_cleanly", progress.FirstUnfinished?.FirstFailure?.Name);
    }

    [Fact]
    public void A_real_failure_is_shown_before_a_stub_in_the_same_step()
    {
        var step = StepProgress.From(Fixture.Lesson("01").Steps[1],
        [
            new GraderResult("Stub", 2, GraderOutcome.NotImplemented),
            new GraderResult("Real", 2, GraderOutcome.Failed),
        ]);

        Assert.Equal(StepState.Failing, step.State);
        Assert.Equal("Real", step.FirstFailure?.Name);
    }

    [Fact]
    public void All_graders_passing_passes_the_lesson()
    {
        var progress = LessonProgress.From(Fixture.Lesson("01"), Fixture.Grade01("passed.xml"));

        Assert.Equal(LessonState.Passed, progress.State);
        Assert.Equal(2, progress.StepsPassed);
        Assert.Null(progress.FirstUnfinished);
    }

    [Fact]
    public void Failing_stretch_graders_never_keep_a_step_or_the_lesson_from_passing()
    {
        var progress = LessonProgress.From(Fixture.Lesson("01"), LessonGrade.Graded("01",
        [
            new GraderResult("Step_1_works", 1, GraderOutcome.Passed),
            new GraderResult("Step_2_works", 2, GraderOutcome.Passed),
            new GraderResult("Step_2_extra", 2, GraderOutcome.Failed, IsStretch: true),
            new GraderResult("Step_2_other_extra", 2, GraderOutcome.NotImplemented, IsStretch: true),
        ]));

        Assert.Equal(LessonState.Passed, progress.State);
        Assert.Equal([StepState.Passed, StepState.Passed], progress.Steps.Select(s => s.State));
        Assert.Equal((1, 0, 2), (progress.Steps[1].Graders.Count, progress.Steps[1].StretchPassedCount, progress.Steps[1].Stretch.Count));
        Assert.Null(progress.Steps[1].FirstFailure);
    }

    [Fact]
    public void A_step_with_only_stretch_graders_passing_is_not_passed()
    {
        var step = StepProgress.From(Fixture.Lesson("01").Steps[1],
        [
            new GraderResult("Required", 2, GraderOutcome.NotImplemented),
            new GraderResult("Extra", 2, GraderOutcome.Passed, IsStretch: true),
        ]);

        Assert.Equal(StepState.NotStarted, step.State);
        Assert.Equal("Required", step.FirstFailure?.Name);
    }

    [Fact]
    public void A_build_failure_is_neither_a_failure_nor_not_started()
    {
        var progress = LessonProgress.From(Fixture.Lesson("01"), Fixture.BuildFailed01());

        Assert.Equal(LessonState.BuildFailed, progress.State);
        Assert.All(progress.Steps, s => Assert.Equal(StepState.Unknown, s.State));
    }

    [Fact]
    public void A_step_without_graders_does_not_pass()
    {
        var progress = LessonProgress.From(Fixture.Lesson("01"), LessonGrade.Graded("01", [new GraderResult("Only_step_1", 1, GraderOutcome.Passed)]));

        Assert.Equal([StepState.Passed, StepState.Unknown], progress.Steps.Select(s => s.State));
        Assert.Equal(LessonState.InProgress, progress.State);
    }

    [Fact]
    public void Planned_lessons_have_no_grade()
    {
        var course = LessonProgress.ForCourse(Fixture.Manifest, new Dictionary<string, LessonGrade> { ["01"] = Fixture.Grade01("passed.xml") });

        Assert.Equal([LessonState.Passed, LessonState.Planned, LessonState.Planned], course.Select(p => p.State));
    }

    [Fact]
    public void Next_names_the_notebook_the_file_and_the_hint_of_the_first_unfinished_step()
    {
        var course = LessonProgress.ForCourse(Fixture.Manifest, new Dictionary<string, LessonGrade>
        {
            ["01"] = Fixture.Grade01("passed.xml"),
            ["02"] = Fixture.NoneStarted(Fixture.Lesson("02")),
        });

        Assert.Equal(
            "lesson 02, step 1 (Do it): read step 1 of notebooks/02-second.ipynb (`notebook 02`), write exercises/02-Second/Doer.cs, then `check 02`; stuck? `hint 02 1`.",
            NextAction.For(course));
    }

    [Fact]
    public void Next_for_a_failing_step_says_to_fix_the_file()
    {
        var course = LessonProgress.ForCourse(Fixture.Manifest, new Dictionary<string, LessonGrade> { ["01"] = Fixture.Grade01("in-progress.xml") });

        Assert.Equal(
            "lesson 01, step 2 (Close it): fix exercises/01-First/Closer.cs; `check 01` shows what the grader saw; stuck? `hint 01 2`.",
            NextAction.For(course));
    }

    [Fact]
    public void Next_when_everything_passes_points_at_the_solution_and_what_is_coming()
    {
        var course = LessonProgress.ForCourse(Fixture.Manifest, new Dictionary<string, LessonGrade>
        {
            ["01"] = Fixture.AllPass(Fixture.Lesson("01")),
            ["02"] = Fixture.AllPass(Fixture.Lesson("02")),
        });

        Assert.Equal("every ready lesson passes; compare yours with the reference: `solution 02`. Coming later: lessons 03.", NextAction.For(course));
        Assert.Equal("every ready lesson's reference solution passes its graders (01, 02).", NextAction.For(course, Track.Solutions));
    }

    [Fact]
    public void Next_for_a_build_failure_sends_to_check()
    {
        var course = LessonProgress.ForCourse(Fixture.Manifest, new Dictionary<string, LessonGrade> { ["01"] = Fixture.BuildFailed01() });

        Assert.Equal("lesson 01: the code in exercises/01-First/ does not compile; `check 01` shows the compiler's errors.", NextAction.For(course));
    }
}
