using SocketCourse.Notebooks;
using Xunit;

namespace SocketCourse.Notebooks.Tests;

/// <summary>
/// The runner changes the current directory while a notebook runs, so notebooks run one at a time:
/// tests in one class never run in parallel, and xunit.runner.json turns off parallel collections.
/// </summary>
public sealed class NotebookTests
{
    private static readonly string NotebooksFolder = FindNotebooksFolder();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_cell_runs_without_error(string notebook)
    {
        var outcomes = await NotebookRunner.RunAllAsync(Path.Combine(NotebooksFolder, notebook));

        Assert.NotEmpty(outcomes);
        var failed = outcomes.FirstOrDefault(o => !o.Succeeded);
        if (failed is not null)
            Assert.Fail($"notebooks/{notebook}, cell {failed.Cell.Number} failed:\n{failed.Error}\n--- cell source ---\n{failed.Cell.Source}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Is_a_CSharp_notebook_that_ends_by_pointing_at_its_exercise(string notebook)
    {
        var cells = NotebookFile.Read(Path.Combine(NotebooksFolder, notebook));

        Assert.Contains(cells, c => c.IsMarkdown);
        Assert.Contains(cells, c => c.IsCode);
        Assert.All(cells, c => Assert.True(c.IsMarkdown || c.IsCode,
            $"Cell {c.Number} of {notebook} is in '{c.Language}': notebooks hold only markdown and C# cells."));
        var last = cells[^1];
        Assert.True(last.IsMarkdown && last.Source.Contains("exercises/", StringComparison.Ordinal),
            $"The last cell of {notebook} should be markdown pointing at the exercise (exercises/NN-...).");
    }

    private static string FindNotebooksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.json")))
                return Path.Combine(dir.FullName, "notebooks");
        }
        throw new DirectoryNotFoundException("Could not find the course root (the folder with course.json) above " + AppContext.BaseDirectory);
    }
}
