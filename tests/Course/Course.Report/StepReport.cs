using System.Reflection;
using System.Text;
using SocketCourse.Tool;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;

namespace SocketCourse.Report;

/// <summary>
/// The text printed at the end of a grader project's run: one line per step of the lesson (passed k/n, not started,
/// in progress), the first failure of each failing step, the other failing graders in one line each, and the next
/// step with its notebook. The order and the words are the course tool's (`map` and `check`), from the same code.
/// </summary>
public static class StepReport
{
    /// <summary>How many other failing graders are listed per step before "… and N more".</summary>
    public const int MaxAlsoFailing = 3;

    /// <summary>The report for the grader assembly <paramref name="assembly"/>, or null when it is not a grader project.</summary>
    public static string? ForAssembly(Assembly? assembly, IReadOnlyList<GraderResult> results, bool detailed)
    {
        var build = CourseBuild.Of(assembly);
        if (build is null)
            return null;
        if (build.Root is null)
            return $"(The learner's report needs {ManifestLoader.FileName}, which was not found above {AppContext.BaseDirectory}.)";
        try
        {
            var manifest = ManifestLoader.Load(Path.Combine(build.Root, ManifestLoader.FileName));
            var lesson = manifest.Lessons.FirstOrDefault(l => l.Exercise.EndsWith("/" + build.GradedLesson, StringComparison.Ordinal));
            if (lesson is null)
                return $"(The learner's report found no lesson in {ManifestLoader.FileName} whose exercise is {build.GradedLesson}.)";
            var track = TrackNames.Parse(build.Track);
            var report = Render(lesson, track, build.Root, results, detailed);
            CourseStatus.Save(build.Root, track, LessonProgress.From(lesson, LessonGrade.Graded(lesson.Number, Ordered(results))));
            return report + string.Join("", CourseStatus.Lines(build.Root, track, manifest).Select(l => l + Environment.NewLine));
        }
        catch (CourseException e)
        {
            return $"(The learner's report could not be made: {e.Message})";
        }
    }

    /// <summary>The report of <paramref name="lesson"/> from <paramref name="results"/>.</summary>
    public static string Render(Lesson lesson, Track track, string root, IReadOnlyList<GraderResult> results, bool detailed)
    {
        var progress = LessonProgress.From(lesson, LessonGrade.Graded(lesson.Number, Ordered(results)));
        var text = new StringBuilder();
        var solutions = track == Track.Solutions ? " (reference solution)" : "";
        text.AppendLine();
        text.AppendLine($"Lesson {lesson.Number} · {lesson.Title}{solutions}: {progress.StepsPassed} of {progress.Steps.Count} steps pass");
        var width = progress.Steps.Max(s => s.Step.Title.Length);
        foreach (var step in progress.Steps)
            text.AppendLine($"  {Mark(step.State)} step {step.Step.Number}  {step.Step.Title.PadRight(width)}  {State(step)}");

        foreach (var step in progress.Steps.Where(s => s.State is StepState.Failing or StepState.NotStarted))
            AppendFailure(text, lesson, track, root, step, detailed);

        if (progress.FirstUnfinished is not null)
        {
            text.AppendLine($"  Next: {NextAction.For(progress, track)}");
            text.AppendLine($"  (Commands in `…` are the course tool's: {ToolCommand.For($"check {lesson.Number}", track)}.)");
        }
        else if (progress.Steps.All(s => s.State == StepState.Passed))
        {
            var count = progress.Steps.Sum(s => s.Graders.Count);
            text.AppendLine($"  Lesson {lesson.Number} passes: all {count} graders.");
        }
        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private static void AppendFailure(StringBuilder text, Lesson lesson, Track track, string root, StepProgress step, bool detailed)
    {
        var first = step.FirstFailure;
        if (first is null)
            return;
        var heading = FailureSummary.Heading(step);
        var message = FailureText.Clean(first.Message);
        if (first.Outcome == GraderOutcome.NotImplemented && !detailed)
        {
            text.AppendLine($"  {FailureSummary.NotWrittenYet(step.Step.Number.ToString(), first.Message)}");
            return;
        }
        text.AppendLine($"  {heading}: {first.Sentence}");
        var lines = message.Split('\n');
        foreach (var line in detailed ? lines : lines.Take(6))
            text.AppendLine($"      {line}");
        if (!detailed && lines.Length > 6)
            text.AppendLine($"      … ({lines.Length - 6} more lines: check {lesson.Number}, or dotnet test -- --output Detailed)");
        foreach (var frame in FailureSummary.Frames(first, root, lesson.GradedFolder(track)))
            text.AppendLine($"      at {frame}");
        if (detailed && first.StackTrace is { Length: > 0 } trace)
            foreach (var line in trace.Replace("\r\n", "\n").Split('\n'))
                text.AppendLine($"        {line.Trim()}");
        var others = FailureSummary.AlsoFailing(step);
        var stubbed = FailureSummary.StillStubbed(step);
        if (others.Count == 0 && stubbed is null)
            return;
        text.AppendLine("    also failing:");
        foreach (var other in detailed ? others : others.Take(MaxAlsoFailing))
            text.AppendLine($"      - {other.Sentence}: {FailureSummary.Reason(other)}");
        if (!detailed && others.Count > MaxAlsoFailing)
            text.AppendLine($"      … and {others.Count - MaxAlsoFailing} more: `check {lesson.Number}` lists them all");
        if (stubbed is not null)
            text.AppendLine($"      - {stubbed}");
    }

    private static string Mark(StepState state) => state switch
    {
        StepState.Passed => "ok",
        StepState.Failing => "XX",
        StepState.NotStarted => "..",
        _ => "??",
    };

    private static string State(StepProgress step) => step.State switch
    {
        StepState.Passed => $"passed {step.PassedCount}/{step.Graders.Count}",
        StepState.Failing => $"in progress, passed {step.PassedCount}/{step.Graders.Count}",
        StepState.NotStarted => $"not started (0/{step.Graders.Count})",
        _ => "not graded in this run",
    } + (step.Stretch.Count > 0 && step.State != StepState.Unknown ? $"; optional stretch {step.StretchPassedCount}/{step.Stretch.Count}" : "");

    /// <summary>Results in the order the graders are written, as the tool shows them.</summary>
    private static IReadOnlyList<GraderResult> Ordered(IReadOnlyList<GraderResult> results) =>
        [.. results.OrderBy(r => r.Step ?? int.MaxValue).ThenBy(r => r.Line).ThenBy(r => r.Name, StringComparer.Ordinal)];
}
