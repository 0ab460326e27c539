using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace SocketCourse.Notebooks;

/// <summary>Reads a Jupyter notebook (.ipynb) in the .NET Interactive C# layout.</summary>
public static class NotebookFile
{
    /// <summary>Reads the cells of the notebook at <paramref name="path"/>, in order.</summary>
    /// <exception cref="FileNotFoundException">No notebook at that path.</exception>
    /// <exception cref="InvalidDataException">The file is not a notebook that can be parsed.</exception>
    public static IReadOnlyList<NotebookCell> Read(string path)
    {
        var json = File.ReadAllText(path);
        try
        {
            var document = Notebook.Parse(json);
            return document.Elements
                .Select((e, i) => new NotebookCell(i + 1, e.KernelName ?? "csharp", e.Contents))
                .ToList();
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new InvalidDataException($"{path} is not a readable notebook: {e.Message}", e);
        }
    }
}
