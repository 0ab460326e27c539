using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Watch;
using Snapshooter.Xunit3;

namespace SocketCourse.Tool.Tests;

public sealed class CommandTests
{
    [Fact]
    public async Task Hint_reveals_one_more_hint_each_time()
    {
        using var temp = new TempFolder();
        var root = new CourseRoot(temp.Path);
        var outputs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var output = new RecordingConsole();
            await HintCommand.RunAsync(Fixture.Context(output, root: root), "01", 1);
            outputs.Add(output.Text);
        }

        Snapshot.Match(string.Join("\n=====\n", outputs));
    }

    [Fact]
    public async Task Hint_without_a_step_picks_the_first_step_not_passing_at_the_last_grading()
    {
        using var temp = new TempFolder();
        var output = new RecordingConsole();

        await HintCommand.RunAsync(Fixture.Context(output, root: new CourseRoot(temp.Path), grader: new FakeGrader(Fixture.Grade01("in-progress.xml"))), "01", null);

        Assert.StartsWith("Lesson 01, step 2 · Close it\nFailing now: Closes cleanly. The hints for it come first.\nHint 1 of 1: The only hint of step 2.", output.Text);
    }

    [Fact]
    public async Task The_solution_is_locked_until_the_lesson_passes_unless_forced()
    {
        using var temp = new TempFolder();
        temp.Write("exercises/01-First/Opener.cs", "class Opener\n{\n    void Open() => throw new NotImplementedException();\n}\n");
        temp.Write("solutions/01-First/Opener.cs", "class Opener\n{\n    void Open() => Listen();\n}\n");
        temp.Write("exercises/01-First/bin/Debug/ignored.txt", "build output");
        var root = new CourseRoot(temp.Path);

        var locked = new RecordingConsole();
        var lockedExit = await SolutionCommand.RunAsync(Fixture.Context(locked, root: root, grader: new FakeGrader(Fixture.Grade01("in-progress.xml"))), "01", force: false, CancellationToken.None);
        var forced = new RecordingConsole();
        var forcedExit = await SolutionCommand.RunAsync(Fixture.Context(forced, root: root, grader: new FakeGrader(Fixture.Grade01("in-progress.xml"))), "01", force: true, CancellationToken.None);
        var open = new RecordingConsole();
        var openExit = await SolutionCommand.RunAsync(Fixture.Context(open, root: root, grader: new FakeGrader(Fixture.Grade01("passed.xml"))), "01", force: false, CancellationToken.None);

        Assert.Equal((ExitCodes.NotPassing, ExitCodes.Ok, ExitCodes.Ok), (lockedExit, forcedExit, openExit));
        Assert.Contains("locked until your graders pass", locked.Text);
        Assert.Equal(forced.Text, open.Text);
        Assert.Contains("-    void Open() => throw new NotImplementedException();\n+    void Open() => Listen();", open.Text);
        Assert.DoesNotContain("ignored.txt", open.Text);
    }

    [Fact]
    public async Task Export_writes_a_file_based_app_where_asked()
    {
        using var temp = new TempFolder();
        temp.Write("course.json", "{}");
        var output = new RecordingConsole();
        var target = Path.Combine(temp.Path, "out", "sample.cs");

        var exit = await ExportCommand.RunAsync(Fixture.Context(output, root: new CourseRoot(temp.Path)), "01", target, Path.Combine(Fixture.Folder, "sample.ipynb"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Console.WriteLine(total);", File.ReadAllText(target));
        Assert.Equal("Wrote out/sample.cs (2 code cells; the markdown is in comments).\nRun it: dotnet run out/sample.cs\n", output.Text);
    }

    [Fact]
    public async Task Watch_regrades_on_a_save_shows_the_time_and_keeps_a_passing_lesson_until_n()
    {
        using var temp = new TempFolder();
        var output = new RecordingConsole(width: 200);
        var context = Fixture.Context(output, root: new CourseRoot(temp.Path), input: new TypedKeys('h', 'n', 'n', 'q'));
        var grades = new Queue<LessonProgress>(
        [
            LessonProgress.From(Fixture.Lesson("01"), Fixture.Grade01("not-started.xml")),
            LessonProgress.From(Fixture.Lesson("01"), Fixture.Grade01("passed.xml")),
            LessonProgress.From(Fixture.Lesson("02"), Fixture.AllPass(Fixture.Lesson("02"))),
        ]);
        var graded = new List<string>();
        var changes = new ScriptedChanges(saves: 1);

        var exit = await new WatchLoop(context, changes, (lesson, _) => { graded.Add(lesson.Number); return Task.FromResult(new Regrade(grades.Dequeue(), "compiled in-process", TimeSpan.FromSeconds(1.24), TimeSpan.FromSeconds(0.8))); })
            .RunAsync(Fixture.Lesson("01"), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal(["01", "01", "02"], graded); // the save regraded 01; it passed, and only n moved on
        Assert.Equal(["exercises/01-First", "exercises/02-Second"], changes.Folders.Select(context.Root.Relative).Distinct());
        Assert.Contains("Regraded in 1.2 s: compiled in-process, graders 0.8 s.", output.Text);
        Assert.Contains("Lesson 01 passes. Still watching exercises/01-First/ until you move on. Keys: h hint · r regrade · n next lesson (02) · q quit.", output.Text);
        Assert.Contains("Moving on to lesson 02, The second lesson.", output.Text);
        Assert.Contains("Lesson 01, step 1 · Open it\nHint 1 of 2: Hint one of step 1.", output.Text); // h: the step the lesson is on
        Assert.Contains("Lesson 02 is the last ready lesson.", output.Text);
        Assert.EndsWith("Stopped watching.\n", output.Text);
    }

    [Fact]
    public async Task Without_a_keyboard_watch_stays_on_a_passing_lesson()
    {
        var output = new RecordingConsole();
        using var stop = new CancellationTokenSource();
        var graded = new List<string>();
        var loop = new WatchLoop(Fixture.Context(output), new NoChanges(), (lesson, _) =>
        {
            graded.Add(lesson.Number);
            stop.CancelAfter(TimeSpan.FromMilliseconds(100));
            return Task.FromResult(new Regrade(LessonProgress.From(lesson, Fixture.AllPass(lesson)), "unchanged", TimeSpan.Zero));
        });

        Assert.Equal(0, await loop.RunAsync(Fixture.Lesson("01"), stop.Token));
        Assert.Equal(["01"], graded);
        Assert.Contains("Lesson 01 passes. Still watching exercises/01-First/ until you move on. Ctrl+C stops.", output.Text);
        Assert.DoesNotContain("Moving on", output.Text);
    }

    [Fact]
    public async Task Watch_stops_cleanly_on_ctrl_c()
    {
        var output = new RecordingConsole();
        using var stop = new CancellationTokenSource();
        var loop = new WatchLoop(Fixture.Context(output), new NoChanges(), (lesson, _) => Task.FromResult(new Regrade(LessonProgress.From(lesson, Fixture.NoneStarted(lesson)), "graded", TimeSpan.Zero)));

        var running = loop.RunAsync(Fixture.Lesson("01"), stop.Token);
        stop.Cancel();

        Assert.Equal(0, await running);
        Assert.EndsWith("Stopped watching.\n", output.Text);
    }

    [Fact]
    public async Task The_folder_watcher_counts_a_save_made_while_grading()
    {
        using var temp = new TempFolder();
        var before = DateTime.UtcNow.AddSeconds(-5);
        temp.Write("Opener.cs", "saved during grading");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await new FolderWatcher(TimeSpan.FromMilliseconds(50)).WaitForChangeAsync(temp.Path, before, stop.Token);
    }

    [Fact]
    public async Task The_folder_watcher_ignores_build_output_and_sees_a_save()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "obj"));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var waiting = new FolderWatcher(TimeSpan.FromMilliseconds(50)).WaitForChangeAsync(temp.Path, DateTime.UtcNow.AddMinutes(1), stop.Token);

        await Task.Delay(200);
        temp.Write("obj/ignored.cache", "x");
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "a change in obj/ should not count as a save");
        temp.Write("Opener.cs", "class Opener {}");

        await waiting;
    }

    /// <summary>Nothing is ever saved: waits until cancelled.</summary>
    private sealed class NoChanges : IChangeSource
    {
        public Task WaitForChangeAsync(string folder, DateTime since, CancellationToken cancellationToken) =>
            Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>The first waits for a change return at once (a save), later ones wait until cancelled; records the folders.</summary>
    private sealed class ScriptedChanges(int saves) : IChangeSource
    {
        public List<string> Folders { get; } = [];

        public Task WaitForChangeAsync(string folder, DateTime since, CancellationToken cancellationToken)
        {
            Folders.Add(folder);
            return Folders.Count <= saves ? Task.CompletedTask : Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
