using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>
/// Remembers, per lesson and track, the graders' fingerprint (<see cref="Fingerprint.OfGraders"/>) of the last full
/// MSBuild build of the grader project, in .course/build/&lt;track&gt;/&lt;lesson&gt;.graders. While it still matches,
/// the grader assembly is current and only the learner's project needs building.
/// </summary>
public sealed class GraderStamp(CourseRoot root, Track track)
{
    private string PathOf(string lesson) => Path.Combine(root.CacheFolder, "build", track.Name(), lesson + ".graders");

    /// <summary>Whether the graders of <paramref name="lesson"/> were fully built with fingerprint <paramref name="fingerprint"/>.</summary>
    public bool Matches(string lesson, string fingerprint)
    {
        try
        {
            var path = PathOf(lesson);
            return File.Exists(path) && File.ReadAllText(path).Trim() == fingerprint;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Records a full build of the graders of <paramref name="lesson"/>.</summary>
    public void Record(string lesson, string fingerprint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(lesson))!);
        File.WriteAllText(PathOf(lesson), fingerprint + "\n");
    }

    /// <summary>Forgets the stamp, so the next grading builds the graders with MSBuild.</summary>
    public void Forget(string lesson) => File.Delete(PathOf(lesson));
}
