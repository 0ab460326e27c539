using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Progress;

/// <summary>
/// The one thing to do next, from the course's progress: which lesson, notebook, file and command. Commands are
/// named short (`check 03`); the map says once how to type them in full.
/// </summary>
public static class NextAction
{
    /// <summary>One line of advice (plain text) for the learner.</summary>
    public static string For(IReadOnlyList<LessonProgress> course, Track track = Track.Exercises)
    {
        var current = course.FirstOrDefault(p => p.Lesson.IsReady && !p.IsPassed);
        if (current is not null)
            return For(current, track);
        var ready = course.Where(p => p.Lesson.IsReady).ToList();
        if (ready.Count == 0)
            return "No lesson is ready yet.";
        var planned = course.Where(p => !p.Lesson.IsReady).Select(p => p.Lesson.Number).ToList();
        if (track == Track.Solutions)
            return $"every ready lesson's reference solution passes its graders ({string.Join(", ", ready.Select(p => p.Lesson.Number))}).";
        return $"every ready lesson passes; compare yours with the reference: `{Short($"solution {ready[^1].Lesson.Number}", track)}`."
            + (planned.Count > 0 ? $" Coming later: lessons {string.Join(", ", planned)}." : "");
    }

    /// <summary>Advice for one lesson that does not pass yet.</summary>
    public static string For(LessonProgress lesson, Track track = Track.Exercises)
    {
        var l = lesson.Lesson;
        var folder = l.GradedFolder(track);
        var check = $"`{Short($"check {l.Number}", track)}`";
        switch (lesson.State)
        {
            case LessonState.BuildFailed:
                return $"lesson {l.Number}: the code in {folder}/ does not compile; {check} shows the compiler's errors.";
            case LessonState.NotGradable:
                return $"lesson {l.Number} could not be graded; {check} says why.";
            case LessonState.Passed or LessonState.Planned:
                return $"lesson {l.Number}: nothing to do.";
        }
        var step = lesson.FirstUnfinished;
        if (step is null)
            return $"lesson {l.Number}: {check}.";
        var files = step.Step.Files.Count > 0 ? string.Join(", ", step.Step.Files.Select(f => $"{folder}/{f}")) : $"{folder}/";
        var hint = $"`{Short($"hint {l.Number} {step.Step.Number}")}`";
        return step.State == StepState.NotStarted
            ? $"lesson {l.Number}, step {step.Step.Number} ({step.Step.Title}): read step {step.Step.Number} of {l.Notebook} (`{Short($"notebook {l.Number}")}`), write {files}, then {check}; stuck? {hint}."
            : $"lesson {l.Number}, step {step.Step.Number} ({step.Step.Title}): fix {files}; {check} shows what the grader saw; stuck? {hint}.";
    }

    private static string Short(string arguments, Track track = Track.Exercises) =>
        track == Track.Solutions ? $"{arguments} --track solutions" : arguments;
}
