using Spectre.Console;

namespace SocketCourse.Tool.Rendering;

/// <summary>An expected problem, said plainly: what is wrong, then what to do.</summary>
public static class ErrorView
{
    /// <summary>Writes <paramref name="error"/> to <paramref name="console"/> (standard error in the tool).</summary>
    public static void Render(IAnsiConsole console, CourseException error)
    {
        console.MarkupLine($"[red bold]Error:[/] {Markup.Escape(error.Message)}");
        if (error.Advice is { } advice)
            console.MarkupLine(Markup.Escape(advice));
    }
}
