using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Notebooks;
using Spectre.Console;

namespace SocketCourse.Tool.Commands;

/// <summary>export NN: the notebook's code as a C# file-based app, its markdown kept as comments.</summary>
public static class ExportCommand
{
    /// <summary>The default folder of exported notebooks, relative to the course root.</summary>
    public const string DefaultFolder = "notebooks/export";

    /// <summary>Writes the file (by default notebooks/export/NN-slug.cs) and says how to run it.</summary>
    public static Task<int> RunAsync(CourseContext context, string lessonNumber, string? output, string? file)
    {
        var notebook = NotebookCommand.ResolvePath(context, lessonNumber, file);
        var cells = NotebookCommand.Read(context.Root, notebook);
        var target = Path.GetFullPath(output ?? Path.Combine(context.Root.Full(DefaultFolder), Path.GetFileNameWithoutExtension(notebook) + ".cs"));
        if (!target.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            throw new CourseException($"The output {output} must be a .cs file: `dotnet run` runs a file-based app by its .cs name.");
        var shown = NotebookCommand.Display(context.Root, target);
        var runCommand = $"dotnet run {shown}";
        var export = NotebookExport.Export(cells, NotebookCommand.Display(context.Root, notebook), runCommand);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, export.Source);

        context.Out.MarkupLine($"Wrote [bold]{Markup.Escape(shown)}[/] ({cells.Count(c => c.IsCode)} code cells; the markdown is in comments).");
        foreach (var warning in export.Warnings)
            context.Out.MarkupLine($"[yellow]Note:[/] {Markup.Escape(warning)}");
        context.Out.MarkupLine($"Run it: [bold]{Markup.Escape(runCommand)}[/]");
        return Task.FromResult(ExitCodes.Ok);
    }
}
