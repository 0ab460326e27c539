using SocketCourse.Tool.Progress;
using Spectre.Console;

namespace SocketCourse.Tool.Rendering;

/// <summary>The marks and words for states, in markup (colours vanish on their own when output is redirected).</summary>
public static class Symbols
{
    /// <summary>A lesson state as a short coloured label.</summary>
    public static string Label(LessonState state) => state switch
    {
        LessonState.Passed => "[green]passed[/]",
        LessonState.InProgress => "[yellow]in progress[/]",
        LessonState.NotStarted => "[grey]not started[/]",
        LessonState.BuildFailed => "[red]does not build[/]",
        LessonState.NotGradable => "[red]cannot grade[/]",
        _ => "[grey]planned[/]",
    };

    /// <summary>A step state as a mark, Unicode when the console can show it.</summary>
    public static string Mark(StepState state, bool unicode) => state switch
    {
        StepState.Passed => unicode ? "[green]✔[/]" : "[green]ok[/]",
        StepState.Failing => unicode ? "[red]✘[/]" : "[red]XX[/]",
        StepState.NotStarted => unicode ? "[grey]○[/]" : "[grey]..[/]",
        _ => unicode ? "[grey]?[/]" : "[grey]??[/]",
    };

    /// <summary>A step state as a word.</summary>
    public static string Word(StepState state) => state switch
    {
        StepState.Passed => "[green]passed[/]",
        StepState.Failing => "[red]failing[/]",
        StepState.NotStarted => "[grey]not started[/]",
        _ => "[grey]not graded[/]",
    };

    /// <summary>A progress bar of <paramref name="done"/> out of <paramref name="total"/> blocks.</summary>
    public static string Bar(int done, int total, bool unicode) =>
        unicode
            ? $"[green]{new string('■', done)}[/][grey]{new string('□', total - done)}[/]"
            : $"[green]{new string('#', done)}[/][grey]{new string('-', total - done)}[/]";
}
