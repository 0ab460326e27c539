namespace SocketCourse.Notebooks;

/// <summary>One cell of a notebook.</summary>
/// <param name="Number">The cell's position, counting from 1 as a reader would.</param>
/// <param name="Language">"markdown", "csharp", or another kernel name.</param>
/// <param name="Source">The cell's text.</param>
public sealed record NotebookCell(int Number, string Language, string Source)
{
    /// <summary>Whether this is a C# code cell, the only kind the runner executes.</summary>
    public bool IsCode => Language == "csharp";

    /// <summary>Whether this is a markdown (prose) cell.</summary>
    public bool IsMarkdown => Language == "markdown";
}

/// <summary>What running one code cell produced.</summary>
/// <param name="Cell">The cell that ran.</param>
/// <param name="Output">Everything it printed or displayed, as plain text.</param>
/// <param name="Error">The error that failed it (compiler error or exception), or null if it succeeded.</param>
public sealed record CellOutcome(NotebookCell Cell, string Output, string? Error)
{
    /// <summary>Whether the cell ran without error.</summary>
    public bool Succeeded => Error is null;
}
