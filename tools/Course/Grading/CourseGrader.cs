using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>
/// Grades lessons the fast way: cached grades for lessons whose fingerprint did not change; for the others, when
/// only the learner's code changed, a build of just the learner's project dropped next to the grader assembly;
/// otherwise one MSBuild build of the grader projects. Then each lesson's grader executable, run directly.
/// </summary>
public sealed class CourseGrader(CourseRoot root, Track track, IProcessRunner? processes = null) : IGrader
{
    private readonly Dotnet _dotnet = new(processes ?? new ProcessRunner());
    private readonly ResultCache _cache = new(root, track);
    private readonly GraderStamp _stamps = new(root, track);

    /// <inheritdoc />
    public LessonGrade? LastKnown(Lesson lesson) => _cache.Last(lesson.Number);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, LessonGrade>> GradeAsync(IReadOnlyList<Lesson> lessons, IGradingProgress? progress, CancellationToken cancellationToken) =>
        GradeAsync(lessons, progress, again: false, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, LessonGrade>> RegradeAsync(IReadOnlyList<Lesson> lessons, IGradingProgress? progress, CancellationToken cancellationToken) =>
        GradeAsync(lessons, progress, again: true, cancellationToken);

    /// <summary>Grades; with <paramref name="again"/>, ignores the cached grades and builds the graders with MSBuild.</summary>
    private async Task<IReadOnlyDictionary<string, LessonGrade>> GradeAsync(IReadOnlyList<Lesson> lessons, IGradingProgress? progress, bool again, CancellationToken cancellationToken)
    {
        var grades = new Dictionary<string, LessonGrade>();
        var quick = new List<Stale>();
        var full = new List<Stale>();
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
            if (!again && _cache.TryGet(lesson.Number, Key(fingerprint, project)) is { } cached)
            {
                grades[lesson.Number] = cached;
                continue;
            }
            var graders = Fingerprint.OfGraders(root, lesson, track);
            var code = GradedProject.Of(root, lesson, track);
            var stale = new Stale(lesson, project, code, fingerprint, graders);
            (!again && code is not null && project.Assembly(track) is not null && _stamps.Matches(lesson.Number, graders) ? quick : full).Add(stale);
        }

        var builder = new LessonBuilder(root, track, _dotnet);
        var ready = new List<Stale>();
        if (quick.Count > 0)
        {
            progress?.Report($"Building your code of lesson{Plural(quick)} {Numbers(quick)} ({track.Name()})");
            var build = await builder.BuildGradedAsync([.. quick.Select(s => (s.Lesson, s.Code!))], cancellationToken);
            foreach (var stale in quick)
            {
                if (!build.Built(stale.Lesson.Number))
                    Remember(grades, stale, LessonGrade.BuildFailed(stale.Lesson.Number, build.ErrorsByLesson.GetValueOrDefault(stale.Lesson.Number) ?? [], build.Problem));
                else if (ApiChanged(stale))
                    full.Add(stale); // the graders must be compiled against the new public API
                else
                {
                    stale.Code!.CopyOutputsTo(Path.GetDirectoryName(stale.Project.Assembly(track)!)!);
                    ready.Add(stale);
                }
            }
        }
        if (full.Count > 0)
        {
            progress?.Report($"Building lesson{Plural(full)} {Numbers(full)} with {(full.Count > 1 ? "their" : "its")} graders ({track.Name()})");
            var build = await builder.BuildAsync([.. full.Select(s => (s.Lesson, s.Project))], cancellationToken);
            foreach (var stale in full)
            {
                if (!build.Built(stale.Lesson.Number))
                    Remember(grades, stale, LessonGrade.BuildFailed(stale.Lesson.Number, build.ErrorsByLesson.GetValueOrDefault(stale.Lesson.Number) ?? [], build.Problem));
                else if (stale.Project.Assembly(track) is null)
                    grades[stale.Lesson.Number] = LessonGrade.NotGradable(stale.Lesson.Number, $"The build succeeded but left no {stale.Project.AssemblyName}.dll under {root.Relative(Path.GetDirectoryName(stale.Project.ProjectFile)!)}/bin/{track.Name()}/.");
                else
                {
                    _stamps.Record(stale.Lesson.Number, stale.Graders);
                    ready.Add(stale);
                }
            }
        }
        foreach (var stale in ready.OrderBy(s => s.Lesson.Number, StringComparer.Ordinal))
        {
            progress?.Report($"Running the graders of lesson {stale.Lesson.Number}");
            Remember(grades, stale, await RunGradersAsync(stale.Lesson, stale.Project, cancellationToken));
        }
        return grades;
    }

    /// <summary>Runs the built graders of <paramref name="lesson"/> (whatever put the learner's assembly next to them).</summary>
    public Task<LessonGrade> RunGradersAsync(Lesson lesson, TestProject project, CancellationToken cancellationToken) =>
        new GraderRunner(_dotnet).RunAsync(lesson, project.Assembly(track)!, _cache.ReportPath(lesson.Number), cancellationToken);

    /// <summary>Caches <paramref name="grade"/> for the lesson's current sources (unless it could not be graded at all).</summary>
    public void Remember(Lesson lesson, TestProject project, LessonGrade grade)
    {
        if (grade.Kind != GradeKind.NotGradable)
            _cache.Put(Key(Fingerprint.Of(root, lesson, track), project), grade);
    }

    /// <summary>Whether the graders were last fully built with the graders' current fingerprint.</summary>
    public bool GradersAreCurrent(Lesson lesson, TestProject project) =>
        project.Assembly(track) is not null && _stamps.Matches(lesson.Number, Fingerprint.OfGraders(root, lesson, track));

    private void Remember(Dictionary<string, LessonGrade> grades, Stale stale, LessonGrade grade)
    {
        grades[stale.Lesson.Number] = grade;
        if (grade.Kind != GradeKind.NotGradable)
            _cache.Put(Key(stale.Fingerprint, stale.Project), grade);
    }

    /// <summary>Whether the learner's public API changed since the graders were compiled (MSBuild rewrote the reference assembly).</summary>
    private bool ApiChanged(Stale stale)
    {
        var reference = stale.Code!.ReferenceAssembly;
        var graders = stale.Project.Assembly(track);
        return graders is null || !File.Exists(reference) || File.GetLastWriteTimeUtc(reference) > File.GetLastWriteTimeUtc(graders);
    }

    /// <summary>The cache key: the sources' fingerprint plus the test assembly's timestamp (a rebuilt or deleted assembly regrades).</summary>
    private string Key(string fingerprint, TestProject project) =>
        $"v{CacheFormat}:{fingerprint}:" + (project.Assembly(track) is { } assembly ? File.GetLastWriteTimeUtc(assembly).Ticks.ToString() : "unbuilt");

    private static string Plural(List<Stale> lessons) => lessons.Count > 1 ? "s" : "";

    private static string Numbers(List<Stale> lessons) => string.Join(", ", lessons.Select(s => s.Lesson.Number));

    /// <summary>Bumped when what is cached changes shape or meaning, so old entries are regraded.</summary>
    private const int CacheFormat = 2;

    private sealed record Stale(Lesson Lesson, TestProject Project, GradedProject? Code, string Fingerprint, string Graders);
}
