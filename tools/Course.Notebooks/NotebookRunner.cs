using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace SocketCourse.Notebooks;

/// <summary>
/// Runs notebook cells one by one in a C# kernel, in this process. Cells share state, as in Jupyter.
/// While it runs, the current directory is the notebook's folder, so a relative <c>#r</c> resolves
/// as it would in an editor; run one notebook at a time.
/// </summary>
public sealed class NotebookRunner : IDisposable
{
    /// <summary>How long one cell may run before it is reported as hung.</summary>
    public static TimeSpan DefaultCellTimeout { get; } = TimeSpan.FromSeconds(60);

    private readonly CompositeKernel _kernel;
    private readonly string _previousDirectory;

    /// <summary>Starts a fresh kernel for the notebook at <paramref name="notebookPath"/>.</summary>
    public NotebookRunner(string notebookPath)
    {
        _previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        _kernel = new CompositeKernel { new CSharpKernel().UseKernelHelpers() };
        _kernel.DefaultKernelName = "csharp";
    }

    /// <summary>Runs one code cell and returns its output, or its error.</summary>
    public async Task<CellOutcome> RunAsync(NotebookCell cell, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultCellTimeout;
        var output = new StringBuilder();
        string? error = null;
        KernelCommandResult result;
        try
        {
            result = await _kernel.SendAsync(new SubmitCode(cell.Source, "csharp")).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            return new CellOutcome(cell, output.ToString(), $"The cell did not finish within {limit.TotalSeconds:0} s.");
        }
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced o:
                    output.Append(PlainText(o));
                    break;
                case StandardErrorValueProduced o:
                    output.Append(PlainText(o));
                    break;
                case ErrorProduced p:
                    error ??= p.Message;
                    break;
                case DisplayEvent d:
                    output.AppendLine(d.Value?.ToString() ?? PlainText(d));
                    break;
                case CommandFailed f:
                    error = f.Message;
                    break;
            }
        }
        return new CellOutcome(cell, output.ToString(), error);
    }

    /// <summary>
    /// Runs every code cell of the notebook at <paramref name="path"/> in order, stopping at the first
    /// failure; <paramref name="onCell"/> sees each cell (markdown included, with no outcome) as it goes.
    /// </summary>
    public static async Task<IReadOnlyList<CellOutcome>> RunAllAsync(
        string path, Action<NotebookCell, CellOutcome?>? onCell = null, TimeSpan? cellTimeout = null)
    {
        var cells = NotebookFile.Read(path);
        var outcomes = new List<CellOutcome>();
        using var runner = new NotebookRunner(path);
        foreach (var cell in cells)
        {
            if (!cell.IsCode)
            {
                onCell?.Invoke(cell, null);
                continue;
            }
            var outcome = await runner.RunAsync(cell, cellTimeout);
            outcomes.Add(outcome);
            onCell?.Invoke(cell, outcome);
            if (!outcome.Succeeded) break;
        }
        return outcomes;
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value
        ?? e.FormattedValues.FirstOrDefault()?.Value
        ?? "";

    /// <summary>Disposes the kernel and restores the current directory.</summary>
    public void Dispose()
    {
        _kernel.Dispose();
        Environment.CurrentDirectory = _previousDirectory;
    }
}
