using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using Spectre.Console;

namespace SocketCourse.Tool;

/// <summary>What the learner can type while a command runs (a key between notebook cells); faked in tests.</summary>
public interface ILearnerInput
{
    /// <summary>Whether someone is at a keyboard (stdin is a terminal, not a pipe or file).</summary>
    bool IsInteractive { get; }

    /// <summary>Waits for a key; returns false when the learner asks to stop (q or Escape).</summary>
    bool WaitForKey();

    /// <summary>A key pressed since the last call, without waiting; null when none was.</summary>
    char? TryReadKey() => null;
}

/// <summary>The terminal's keyboard.</summary>
public sealed class ConsoleInput : ILearnerInput
{
    /// <inheritdoc />
    public bool IsInteractive => !Console.IsInputRedirected;

    /// <inheritdoc />
    public bool WaitForKey()
    {
        var key = Console.ReadKey(intercept: true);
        return key.Key is not (ConsoleKey.Q or ConsoleKey.Escape);
    }

    /// <inheritdoc />
    public char? TryReadKey()
    {
        if (!IsInteractive || !Console.KeyAvailable)
            return null;
        var key = Console.ReadKey(intercept: true);
        return key.Key == ConsoleKey.Escape ? 'q' : key.KeyChar;
    }
}

/// <summary>Everything a command needs: the course, the track, where to write, how to grade, the keyboard.</summary>
public sealed record CourseContext(
    CourseRoot Root,
    CourseManifest Manifest,
    Track Track,
    IAnsiConsole Out,
    IAnsiConsole Error,
    IGrader Grader,
    ILearnerInput Input)
{
    /// <summary>The real thing: the course above the current directory, the terminal, real builds.</summary>
    public static CourseContext ForTerminal(Track track)
    {
        var root = CourseRoot.Find();
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var output = AnsiConsole.Console;
        // A pipe or a log file has no width of its own; Spectre's fallback of 80 columns wraps the map's seed column.
        if (Console.IsOutputRedirected) output.Profile.Width = 120;
        return new CourseContext(root, root.LoadManifest(), track, output, error, new CourseGrader(root, track), new ConsoleInput());
    }
}
