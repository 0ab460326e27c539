namespace SocketCourse.Tool.Manifest;

/// <summary>Turns what the learner typed ("3", "03") into a lesson, with a helpful error otherwise.</summary>
public static class LessonLookup
{
    /// <summary>The lesson numbered <paramref name="typed"/>, which must be ready.</summary>
    /// <exception cref="CourseException">No such lesson, or it is only planned.</exception>
    public static Lesson FindReady(CourseManifest manifest, string typed)
    {
        var lesson = Find(manifest, typed);
        if (!lesson.IsReady)
            throw new CourseException(
                $"Lesson {lesson.Number} ({lesson.Title}) is planned but not written yet.",
                $"Ready lessons: {ReadyList(manifest)}.");
        return lesson;
    }

    /// <summary>The lesson numbered <paramref name="typed"/>, ready or not.</summary>
    /// <exception cref="CourseException">No such lesson.</exception>
    public static Lesson Find(CourseManifest manifest, string typed)
    {
        var number = Normalize(typed);
        return manifest.Lessons.FirstOrDefault(l => l.Number == number)
            ?? throw new CourseException(
                $"There is no lesson '{typed}'.",
                $"Lessons are numbered {string.Join(", ", manifest.Lessons.Select(l => l.Number))}; ready now: {ReadyList(manifest)}.");
    }

    private static string Normalize(string typed)
    {
        var trimmed = typed.Trim();
        return int.TryParse(trimmed, out var n) && n is >= 0 and < 100 ? n.ToString("00") : trimmed;
    }

    private static string ReadyList(CourseManifest manifest) =>
        manifest.ReadyLessons.Count == 0 ? "none yet" : string.Join(", ", manifest.ReadyLessons.Select(l => l.Number));
}
