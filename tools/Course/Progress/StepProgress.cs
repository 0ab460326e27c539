using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Progress;

/// <summary>Where a step stands.</summary>
public enum StepState
{
    /// <summary>Every grader of the step passes.</summary>
    Passed,

    /// <summary>Some grader fails on the learner's code.</summary>
    Failing,

    /// <summary>Every failing grader hit a stub's NotImplementedException: the step is not started.</summary>
    NotStarted,

    /// <summary>No grader ran for the step (the lesson did not build, or the step has no graders).</summary>
    Unknown,
}

/// <summary>
/// One step's progress: its required graders, how many pass, and the first failure to show. Stretch graders are
/// kept apart (<see cref="Stretch"/>): they are optional and never decide the step's state.
/// </summary>
public sealed record StepProgress(LessonStep Step, StepState State, IReadOnlyList<GraderResult> Graders)
{
    /// <summary>The step's optional stretch graders (trait Stretch=true); not part of <see cref="Graders"/>.</summary>
    public IReadOnlyList<GraderResult> Stretch { get; init; } = [];

    /// <summary>How many of the step's required graders pass.</summary>
    public int PassedCount => Graders.Count(g => g.Outcome == GraderOutcome.Passed);

    /// <summary>How many of the step's stretch graders pass.</summary>
    public int StretchPassedCount => Stretch.Count(g => g.Outcome == GraderOutcome.Passed);

    /// <summary>The first required grader that does not pass: a real failure if there is one, else a stub's.</summary>
    public GraderResult? FirstFailure =>
        Graders.FirstOrDefault(g => g.Outcome == GraderOutcome.Failed)
        ?? Graders.FirstOrDefault(g => g.Outcome == GraderOutcome.NotImplemented);

    /// <summary>Computes a step's state from the graders tagged with its number; stretch graders do not count.</summary>
    public static StepProgress From(LessonStep step, IReadOnlyList<GraderResult> graders)
    {
        var required = graders.Where(g => !g.IsStretch).ToList();
        var stretch = graders.Where(g => g.IsStretch).ToList();
        var counted = required.Where(g => g.Outcome != GraderOutcome.Skipped).ToList();
        var state = counted.Count == 0 ? StepState.Unknown
            : counted.All(g => g.Outcome == GraderOutcome.Passed) ? StepState.Passed
            : counted.Any(g => g.Outcome == GraderOutcome.Failed) ? StepState.Failing
            : counted.Any(g => g.Outcome == GraderOutcome.Passed) ? StepState.Failing
            : StepState.NotStarted;
        return new StepProgress(step, state, required) { Stretch = stretch };
    }
}
