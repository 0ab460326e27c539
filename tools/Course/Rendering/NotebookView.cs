using SocketCourse.Notebooks;
using Spectre.Console;

namespace SocketCourse.Tool.Rendering;

/// <summary>Notebook cells in the terminal: markdown rendered, code in a panel, then its output or error.</summary>
public static class NotebookView
{
    /// <summary>Writes a markdown cell.</summary>
    public static void Markdown(IAnsiConsole console, NotebookCell cell)
    {
        foreach (var block in MarkdownView.Render(cell.Source, console.Profile.Capabilities.Unicode))
        {
            console.Write(block);
            if (block is Markup or Text)
                console.WriteLine();
            console.WriteLine();
        }
    }

    /// <summary>Writes a code cell's source.</summary>
    public static void Code(IAnsiConsole console, NotebookCell cell)
    {
        console.Write(new Panel(new Text(cell.Source.TrimEnd()))
            .Header($"C# · cell {cell.Number}")
            .Border(console.Profile.Capabilities.Unicode ? BoxBorder.Rounded : BoxBorder.Ascii)
            .BorderColor(Color.Blue)
            .Expand());
    }

    /// <summary>Writes what running a code cell produced.</summary>
    public static void Outcome(IAnsiConsole console, CellOutcome outcome)
    {
        var output = outcome.Output.TrimEnd();
        if (output.Length > 0)
        {
            console.MarkupLine("[grey]output:[/]");
            console.Write(new Padder(new Text(output), new Padding(2, 0, 0, 0)));
            console.WriteLine();
        }
        if (outcome.Error is { } error)
        {
            console.Write(new Panel(new Text(error.TrimEnd()))
                .Header($"cell {outcome.Cell.Number} failed")
                .Border(console.Profile.Capabilities.Unicode ? BoxBorder.Heavy : BoxBorder.Ascii)
                .BorderColor(Color.Red)
                .Expand());
        }
        console.WriteLine();
    }
}
