using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>A web root in a fresh temporary folder, beside a secret file outside it.</summary>
internal sealed class WebRootFixture : IDisposable
{
    public const string IndexHtml = "<!doctype html><title>home</title><p>hello from the web root</p>\n";
    public const string Secret = "TOP-SECRET: this file is outside the web root";

    public WebRootFixture()
    {
        Base = Directory.CreateTempSubdirectory("socketcourse-08-").FullName;
        Root = Path.Combine(Base, "www");
        Directory.CreateDirectory(Path.Combine(Root, "docs"));
        Directory.CreateDirectory(Path.Combine(Base, "private"));
        File.WriteAllText(Path.Combine(Root, "index.html"), IndexHtml, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(Root, "docs", "index.html"), "<p>docs</p>\n");
        File.WriteAllText(Path.Combine(Root, "docs", "a b.txt"), "spaces in a name\n");
        File.WriteAllText(Path.Combine(Root, "style.css"), "p { color: teal }\n");
        File.WriteAllText(Path.Combine(Root, "app.js"), "console.log('hi');\n");
        File.WriteAllBytes(Path.Combine(Root, "pixel.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        File.WriteAllBytes(Path.Combine(Root, "data.bin"), [0, 1, 2, 3, 254, 255]);
        File.WriteAllText(Path.Combine(Base, "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Base, "private", "secret.txt"), Secret);
    }

    /// <summary>The temporary folder holding the root and the secret.</summary>
    public string Base { get; }

    /// <summary>The web root.</summary>
    public string Root { get; }

    /// <summary>Creates a symbolic link in the root; false (with the reason) where the system refuses (Windows
    /// without Developer Mode or the privilege to create symbolic links).</summary>
    public bool TryLink(string nameInRoot, string target, bool directory, out string why)
    {
        try
        {
            var path = Path.Combine(Root, nameInRoot);
            if (directory) Directory.CreateSymbolicLink(path, target); else File.CreateSymbolicLink(path, target);
            why = "";
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or PlatformNotSupportedException)
        {
            why = $"this system refused to create a symbolic link ({e.GetType().Name}: {e.Message}); on Windows that takes " +
                  "Developer Mode or the SeCreateSymbolicLinkPrivilege, so this check is skipped here";
            return false;
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Base, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
