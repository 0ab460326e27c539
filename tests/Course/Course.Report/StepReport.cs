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
            // A planned lesson whose graders exist already (scaffolded, or being written) is reported like a ready one.
            var planned = !lesson.IsReady;
            if (planned)
                lesson = lesson with { Status = LessonStatus.Ready, Title = lesson.Title + " (planned, not ready yet)" };
            var progress = LessonProgress.From(lesson, LessonGrade.Graded(lesson.Number, Ordered(results)));
            CourseStatus.Save(build.Root, track, progress);
            // Under `dotnet test` at the root every lesson that does not pass prints its report; the course's lines and
            // its next step are printed once, by the lesson they point to (and by a passing one, seen when run directly).
            var course = detailed || progress.IsPassed || (!planned && CourseStatus.IsCourseNext(build.Root, track, manifest, lesson.Number))
                ? CourseStatus.Lines(build.Root, track, manifest)
                : [];
            // The other lessons' reports end with where the course goes on, in a few words, so that whichever report the
            // CLI shows last says it.
            if (course.Count == 0)
                course = [$"Next for the course: {CourseStatus.NextInShort(build.Root, track, manifest)}"];
            return Render(lesson, track, build.Root, results, detailed, course);
        }
        catch (CourseException e)
        {
            return $"(The learner's report could not be made: {e.Message})";
        }
    }

    /// <summary>
    /// The report of <paramref name="lesson"/> from <paramref name="results"/>, ending with <paramref name="courseLines"/>
    /// (the whole course, and its next step) when given. A lesson not started is one line, unless the course's lines
    /// follow or everything is asked for (<paramref name="detailed"/>).
    /// </summary>
    public static string Render(Lesson lesson, Track track, string root, IReadOnlyList<GraderResult> results, bool detailed,
        IReadOnlyList<string>? courseLines = null)
    {
        courseLines ??= [];
        var courseNext = courseLines.Count > 1;
        var progress = LessonProgress.From(lesson, LessonGrade.Graded(lesson.Number, Ordered(results)));
        var text = new StringBuilder();
        var solutions = track == Track.Solutions ? " (reference solution)" : "";
        var graders = progress.Steps.Sum(s => s.Graders.Count);
        text.AppendLine();
        if (progress.State == LessonState.NotStarted && !detailed && !courseNext)
        {
            // One line: the lesson, and where the course goes on.
            text.AppendLine($"Lesson {lesson.Number} · {lesson.Title}{solutions}: not started (0/{progress.Steps.Count} steps, {graders} graders reach a stub)." +
                            string.Concat(courseLines.Select(l => " " + l)));
            return text.ToString().TrimEnd() + Environment.NewLine;
        }
        text.AppendLine($"Lesson {lesson.Number} · {lesson.Title}{solutions}: {progress.StepsPassed} of {progress.Steps.Count} steps pass");
        var width = progress.Steps.Max(s => s.Step.Title.Length);
        foreach (var step in progress.Steps)
            text.AppendLine($"  {Mark(step.State)} step {step.Step.Number}  {step.Step.Title.PadRight(width)}  {State(step)}");

        // A lesson not started needs no line per stub: the next step says where to begin.
        if (progress.State != LessonState.NotStarted || detailed)
            foreach (var step in progress.Steps.Where(s => s.State is StepState.Failing or StepState.NotStarted))
                AppendFailure(text, lesson, track, root, step, detailed);

        var unfinished = progress.FirstUnfinished is not null;
        if (unfinished && !courseNext)
            text.AppendLine($"  Next: {NextAction.For(progress, track)}");
        else if (!unfinished && progress.Steps.All(s => s.State == StepState.Passed))
            text.AppendLine($"  Lesson {lesson.Number} passes: all {graders} graders.");
        // The course's next step is this lesson's when it does not pass (then "Next:" would say it twice).
        foreach (var line in courseLines)
            text.AppendLine(courseNext ? line : "  " + line);
        if (unfinished || courseLines.Count > 0)
            text.AppendLine($"  (Commands in `…` are the course tool's: {ToolCommand.For($"check {lesson.Number}", track)}.)");
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
