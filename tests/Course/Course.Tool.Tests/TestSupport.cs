using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using Spectre.Console;

namespace SocketCourse.Tool.Tests;

/// <summary>A console that records plain text: no colours, no ANSI, fixed width, Unicode on.</summary>
public sealed class RecordingConsole
{
    private readonly StringWriter _writer = new();

    public RecordingConsole(int width = 100)
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = width;
        Console.Profile.Capabilities.Unicode = true;
    }

    public IAnsiConsole Console { get; }

    /// <summary>What was written, with \n line ends and no trailing spaces: stable for snapshots.</summary>
    public string Text => string.Join("\n", _writer.ToString().Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()));
}

/// <summary>The fixture course, its lessons and its known grader results.</summary>
public static class Fixture
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>A course root that is never touched on disk by rendering (paths are shown relative to it).</summary>
    public static CourseRoot Root { get; } = new(Path.Combine(Path.GetTempPath(), "fixture-course"));

    public static CourseManifest Manifest { get; } = ManifestLoader.Load(Path.Combine(Folder, "course.json"));

    public static Lesson Lesson(string number) => Manifest.Lessons.Single(l => l.Number == number);

    /// <summary>The grade of lesson 01 from one of the XML reports in Fixtures/ (its paths under /somewhere/ moved to <see cref="Root"/>).</summary>
    public static LessonGrade Grade01(string report) =>
        LessonGrade.Graded("01", XunitReport.Parse(File.ReadAllText(Path.Combine(Folder, report)).Replace("/somewhere/", Root.Path + "/"), "01"));

    /// <summary>A grade where every grader of the lesson passes.</summary>
    public static LessonGrade AllPass(Lesson lesson) =>
        LessonGrade.Graded(lesson.Number, [.. lesson.Steps.Select(s => new GraderResult($"Step_{s.Number}_works", s.Number, GraderOutcome.Passed))]);

    /// <summary>A grade where every grader hits a stub.</summary>
    public static LessonGrade NoneStarted(Lesson lesson) =>
        LessonGrade.Graded(lesson.Number, [.. lesson.Steps.Select(s => new GraderResult($"Step_{s.Number}_works", s.Number, GraderOutcome.NotImplemented, "System.NotImplementedException", $"System.NotImplementedException : Step {s.Number}: write it."))]);

    /// <summary>A lesson that does not compile, with an error in the learner's file.</summary>
    public static LessonGrade BuildFailed01() => LessonGrade.BuildFailed("01",
    [
        new CompilerError(Path.Combine(Root.Path, "exercises", "01-First", "Opener.cs"), 12, 9, "CS1002", "; expected",
            Path.Combine(Root.Path, "exercises", "01-First", "01-First.csproj")),
        new CompilerError(Path.Combine(Root.Path, "exercises", "01-First", "Opener.cs"), 14, 1, "CS0103", "The name 'socket' does not exist in the current context",
            Path.Combine(Root.Path, "exercises", "01-First", "01-First.csproj")),
    ]);

    /// <summary>A context on recording consoles, grading with <paramref name="grader"/>.</summary>
    public static CourseContext Context(RecordingConsole output, RecordingConsole? error = null, IGrader? grader = null,
        CourseRoot? root = null, Track track = Track.Exercises, ILearnerInput? input = null) =>
        new(root ?? Root, Manifest, track, output.Console, (error ?? output).Console,
            grader ?? new FakeGrader(), input ?? new ScriptedInput(interactive: false));
}

/// <summary>A grader that returns known grades and counts how often it is asked.</summary>
public sealed class FakeGrader(params LessonGrade[] grades) : IGrader
{
    private readonly Dictionary<string, Queue<LessonGrade>> _grades = grades
        .GroupBy(g => g.Lesson).ToDictionary(g => g.Key, g => new Queue<LessonGrade>(g));

    public int Calls { get; private set; }

    public Task<IReadOnlyDictionary<string, LessonGrade>> GradeAsync(IReadOnlyList<Lesson> lessons, IGradingProgress? progress, CancellationToken cancellationToken)
    {
        Calls++;
        var result = new Dictionary<string, LessonGrade>();
        foreach (var lesson in lessons.Where(l => l.IsReady))
        {
            // Each call takes the next queued grade of the lesson; the last one stays.
            if (_grades.TryGetValue(lesson.Number, out var queue) && queue.Count > 0)
                result[lesson.Number] = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            else
                result[lesson.Number] = Fixture.NoneStarted(lesson);
        }
        return Task.FromResult<IReadOnlyDictionary<string, LessonGrade>>(result);
    }

    public LessonGrade? LastKnown(Lesson lesson) =>
        _grades.TryGetValue(lesson.Number, out var queue) && queue.Count > 0 ? queue.Peek() : null;
}

/// <summary>Keys pressed by a pretend learner.</summary>
public sealed class ScriptedInput(bool interactive, params bool[] keys) : ILearnerInput
{
    private readonly Queue<bool> _keys = new(keys);

    public bool IsInteractive => interactive;

    public bool WaitForKey() => _keys.Count == 0 || _keys.Dequeue();
}

/// <summary>A learner at a keyboard who types these keys, one each time the tool looks.</summary>
public sealed class TypedKeys(params char[] keys) : ILearnerInput
{
    private readonly Queue<char> _keys = new(keys);

    public bool IsInteractive => true;

    public bool WaitForKey() => true;

    public char? TryReadKey() => _keys.Count > 0 ? _keys.Dequeue() : null;
}

/// <summary>A temporary folder deleted at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("course-tool-tests-").FullName;

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// The tool's advice names the front door as typed on the system it runs on (.\course on Windows); the snapshots
/// are written with ./course, so the tests pin it before anything runs, on every system.
/// </summary>
internal static class PinnedFrontDoor
{
#pragma warning disable CA2255 // a module initializer is exactly right for a test assembly's one global setting
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Pin() => SocketCourse.Tool.Progress.ToolCommand.Prefix = "./course";
#pragma warning restore CA2255
}
