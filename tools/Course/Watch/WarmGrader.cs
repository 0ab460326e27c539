using System.Diagnostics;
using SocketCourse.Tool.Compiling;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;

namespace SocketCourse.Tool.Watch;

/// <summary>
/// Grades in watch mode, keeping the C# compiler warm between saves: the learner's project is compiled in this
/// process (<see cref="InProcessCompiler"/>) straight into the grader executable's folder, and the graders run.
/// MSBuild (through <see cref="CourseGrader"/>) takes over whenever the in-process path could be wrong: at the
/// start, when a project file, package, build setting or grader changed, and when the learner's public API changed
/// (the graders must then be compiled against it).
/// </summary>
public sealed class WarmGrader(CourseRoot root, Track track, CourseGrader grader, Dotnet dotnet)
{
    private readonly Dictionary<string, Warm> _warm = [];

    /// <summary>Grades <paramref name="lesson"/>, the fast way when it can.</summary>
    public async Task<Regrade> GradeAsync(Lesson lesson, IGradingProgress? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TestProject project;
        try
        {
            project = TestProject.Of(root, lesson);
        }
        catch (CourseException e)
        {
            return new Regrade(LessonProgress.From(lesson, LessonGrade.NotGradable(lesson.Number, e.Message)), "not gradable", clock.Elapsed);
        }
        var graders = Fingerprint.OfGraders(root, lesson, track);
        if (_warm.TryGetValue(lesson.Number, out var warm) && warm.Graders == graders && grader.GradersAreCurrent(lesson, project))
        {
            progress?.Report($"Compiling lesson {lesson.Number} in-process");
            var compiled = await warm.Compiler.CompileAsync(cancellationToken);
            if (compiled.Errors.Count > 0)
            {
                var failed = LessonGrade.BuildFailed(lesson.Number, compiled.Errors);
                grader.Remember(lesson, project, failed);
                return new Regrade(LessonProgress.From(lesson, failed), "compiled in-process", clock.Elapsed);
            }
            if (compiled.ApiHash == warm.ApiBaseline)
            {
                compiled.Assembly!.WriteTo(Path.GetDirectoryName(project.Assembly(track)!)!);
                progress?.Report($"Running the graders of lesson {lesson.Number}");
                var started = clock.Elapsed;
                var grade = await grader.RunGradersAsync(lesson, project, cancellationToken);
                grader.Remember(lesson, project, grade);
                return new Regrade(LessonProgress.From(lesson, grade), "compiled in-process", clock.Elapsed, clock.Elapsed - started);
            }
            // The public API changed (or is not known yet): MSBuild compiles the graders against it, and reports
            // their errors if the change broke them.
        }
        var built = (await grader.GradeAsync([lesson], progress, cancellationToken))[lesson.Number];
        await WarmUpAsync(lesson, graders, built, cancellationToken);
        return new Regrade(LessonProgress.From(lesson, built), "built with MSBuild", clock.Elapsed);
    }

    /// <summary>
    /// After an MSBuild grading: loads the compiler (asking MSBuild for its arguments again if the project changed),
    /// and notes the public API the graders now match, by compiling once (which also warms the compiler up).
    /// </summary>
    private async Task WarmUpAsync(Lesson lesson, string graders, LessonGrade built, CancellationToken cancellationToken)
    {
        if (built.Kind == GradeKind.NotGradable || GradedProject.Of(root, lesson, track) is not { } code)
            return;
        if (!_warm.TryGetValue(lesson.Number, out var warm) || warm.Graders != graders)
        {
            var (arguments, _) = await CompilerArguments.AskMSBuildAsync(root, code, track, dotnet, cancellationToken);
            if (arguments is null)
            {
                _warm.Remove(lesson.Number); // MSBuild could not say: every regrade goes through MSBuild
                return;
            }
            warm = new Warm(new InProcessCompiler(code.ProjectFile, arguments), graders);
            _warm[lesson.Number] = warm;
        }
        // Only a grade whose graders ran proves they were compiled against the current API.
        warm.ApiBaseline = built.Kind == GradeKind.Graded ? (await warm.Compiler.CompileAsync(cancellationToken)).ApiHash : null;
    }

    private sealed class Warm(InProcessCompiler compiler, string graders)
    {
        public InProcessCompiler Compiler { get; } = compiler;

        public string Graders { get; } = graders;

        public string? ApiBaseline { get; set; }
    }
}
