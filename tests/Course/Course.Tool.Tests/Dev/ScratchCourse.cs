using SocketCourse.Tool.Dev;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Tests.Dev;

/// <summary>
/// A copy of the real course's sources (no bin/, obj/ or hidden folders) in a temporary folder, to break on purpose.
/// About 250 small files: copying takes milliseconds.
/// </summary>
public sealed class ScratchCourse : IDisposable
{
    private readonly TempFolder _temp = new();

    public ScratchCourse()
    {
        Copy(RealRoot.Path, _temp.Path);
    }

    /// <summary>The course this test project was built from.</summary>
    public static CourseRoot RealRoot { get; } = CourseRoot.Find(AppContext.BaseDirectory);

    public CourseRoot Root => new(_temp.Path);

    public string Path(string relative) => Root.Full(relative);

    /// <summary>Replaces <paramref name="old"/> (which must be there) with <paramref name="replacement"/> in a file.</summary>
    public void Replace(string relative, string old, string replacement)
    {
        var text = File.ReadAllText(Path(relative));
        Assert.Contains(old, text);
        File.WriteAllText(Path(relative), text.Replace(old, replacement));
    }

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path(relative))!);
        File.WriteAllText(Path(relative), text);
    }

    /// <summary>dev check without the public API comparison (which needs builds): every other check, in milliseconds.</summary>
    public async Task<DevCheck.Report> CheckAsync()
    {
        var tree = new CourseTree(Root, Root.LoadManifest());
        return await DevCheck.RunAsync(tree, new DevCheck.Options(CompareApi: false), new ProcessRunner(), TestContext.Current.CancellationToken);
    }

    public void Dispose() => _temp.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
        {
            var name = System.IO.Path.GetFileName(folder);
            if (name is "bin" or "obj" or "__snapshots__" || name.StartsWith('.')) continue;
            Copy(folder, System.IO.Path.Combine(to, name));
        }
    }
}
