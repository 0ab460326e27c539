using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>
/// Grades lessons the fast way: cached grades for lessons whose fingerprint did not change, one build for
/// all the others, then each one's graders.
/// </summary>
public sealed class CourseGrader(CourseRoot root, Track track, IProcessRunner? processes = null) : IGrader
{
    private readonly Dotnet _dotnet = new(processes ?? new ProcessRunner());
    private readonly ResultCache _cache = new(root, track);

    /// <inheritdoc />
    public LessonGrade? LastKnown(Lesson lesson) => _cache.Last(lesson.Number);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, LessonGrade>> GradeAsync(IReadOnlyList<Lesson> lessons, IGradingProgress? progress, CancellationToken cancellationToken)
    {
        var grades = new Dictionary<string, LessonGrade>();
        var stale = new List<(Lesson Lesson, TestProject Project, string Fingerprint)>();
        foreach (var lesson in lessons.Where(l => l.IsReady))
        {
            TestProject project;
            try
            {
                project = TestProject.Of(root, lesson);
            }
            catch (CourseException e)
            {
                grades[lesson.Number] = LessonGrade.NotGradable(lesson.Number, e.Message);
                continue;
            }
            var fingerprint = Fingerprint.Of(root, lesson, track);
            if (_cache.TryGet(lesson.Number, Key(fingerprint, project)) is { } cached)
                grades[lesson.Number] = cached;
            else
                stale.Add((lesson, project, fingerprint));
        }
        if (stale.Count == 0)
            return grades;

        progress?.Report($"Building lesson{(stale.Count > 1 ? "s" : "")} {string.Join(", ", stale.Select(s => s.Lesson.Number))} ({track.Name()})");
        var build = await new LessonBuilder(root, track, _dotnet).BuildAsync([.. stale.Select(s => (s.Lesson, s.Project))], cancellationToken);
        foreach (var (lesson, project, fingerprint) in stale)
        {
            LessonGrade grade;
            if (!build.Built(lesson.Number))
                grade = LessonGrade.BuildFailed(lesson.Number, build.ErrorsByLesson.GetValueOrDefault(lesson.Number) ?? [], build.Problem);
            else if (project.Assembly(track) is not { } assembly)
                grade = LessonGrade.NotGradable(lesson.Number, $"The build succeeded but left no {project.AssemblyName}.dll under {root.Relative(Path.GetDirectoryName(project.ProjectFile)!)}/bin/{track.Name()}/.");
            else
            {
                progress?.Report($"Running the graders of lesson {lesson.Number}");
                grade = await new GraderRunner(_dotnet).RunAsync(lesson, assembly, _cache.ReportPath(lesson.Number), cancellationToken);
            }
            grades[lesson.Number] = grade;
            if (grade.Kind != GradeKind.NotGradable)
                _cache.Put(Key(fingerprint, project), grade);
        }
        return grades;
    }

    /// <summary>The cache key: the sources' fingerprint plus the test assembly's timestamp (a rebuilt or deleted assembly regrades).</summary>
    private string Key(string fingerprint, TestProject project) =>
        $"v{CacheFormat}:{fingerprint}:" + (project.Assembly(track) is { } assembly ? File.GetLastWriteTimeUtc(assembly).Ticks.ToString() : "unbuilt");

    /// <summary>Bumped when what is cached changes shape or meaning, so old entries are regraded.</summary>
    private const int CacheFormat = 2;
}
