using System.Text;

namespace SocketCourse.Browser.Tests;

// WebRoot.Resolve on its own, for the rules a server-level grader cannot reach: dot segments that stay inside the root,
// broken escapes, names refused "whatever exists on the disk" (the files are made here, where the system allows them),
// and links to a sibling folder whose name starts like the root's. Found by mutation testing (.ci/mutation).

/// <summary>Step 2: WebRoot.Resolve's refusals at their edges.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
public sealed class Step2_WebRootEdgesTests
{
    private static void ExpectNull(WebRoot root, string path, string why)
    {
        string? resolved = null;
        try { resolved = root.Resolve(path); }
        catch (NotImplementedException) { throw; }
        catch (Exception e)
        {
            throw new GradingException($"Resolve({Show.Text(path)}) threw {e.GetType().Name} ({e.Message}); a path it cannot map is null, never an exception " +
                                       "(the server would drop the connection without an answer).");
        }
        Assert.True(resolved is null, $"Resolve({Show.Text(path)}) gave {Show.Text(resolved)}; expected null: {why}.");
    }

    [Fact(DisplayName = "Dot segments are refused even when they stay inside the root")]
    public void Dot_segments_are_refused_inside_the_root()
    {
        using var files = new WebRootFixture();
        var root = new WebRoot(files.Root);
        ExpectNull(root, "/./index.html", "a '.' segment is refused, whatever it would name");
        ExpectNull(root, "/docs/../index.html", "a '..' segment is refused even when the path stays inside the root");
        ExpectNull(root, "/docs/%2E/index.html", "an encoded '.' segment is refused too");
        Assert.True(root.Resolve("/docs/index.html") == Path.Combine(root.Directory, "docs", "index.html"),
            $"Resolve(\"/docs/index.html\") gave {Show.Text(root.Resolve("/docs/index.html"))}; the honest path must still resolve.");
    }

    [Theory(DisplayName = "A broken escape or invalid UTF-8 is null, not an exception")]
    [InlineData("/index.html%", "a '%' at the end")]
    [InlineData("/index.html%4", "a '%' with one hex digit")]
    [InlineData("/a%zzb", "a '%' before two non-hex characters")]
    [InlineData("/a%4gb", "a '%' before one hex digit and a non-hex one")]
    [InlineData("/a%g4b", "a '%' before a non-hex character and a hex digit")]
    [InlineData("/%ff.txt", "a byte that is not UTF-8 (FF)")]
    public void A_broken_escape_is_null(string path, string what)
    {
        using var files = new WebRootFixture();
        ExpectNull(new WebRoot(files.Root), path, $"{what} is not a valid percent-encoded UTF-8 segment");
    }

    [Fact(DisplayName = "Names the rules refuse are refused even when such a file exists")]
    public void Refused_names_are_refused_even_when_the_file_exists()
    {
        using var files = new WebRootFixture();
        // Made where the system allows these names (Linux and macOS take them all; Windows refuses some or maps
        // them to other names, and the paths must be refused there as well).
        foreach (var name in new[] { "notes.", "notes ", "a:b", ":lead", "ctl\u0001x", "back\\slash" })
        {
            try { File.WriteAllText(Path.Combine(files.Root, name), WebRootFixture.Secret); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { }
        }
        var root = new WebRoot(files.Root);
        ExpectNull(root, "/notes.", "a segment ending in a dot is refused (Windows drops the dot and would open 'notes')");
        ExpectNull(root, "/notes%20", "a segment ending in a space is refused");
        ExpectNull(root, "/a:b", "a ':' inside a segment is refused (a Windows stream or drive)");
        ExpectNull(root, "/:lead", "a ':' at the start of a segment is refused too");
        ExpectNull(root, "/ctl%01x", "a control character in a segment is refused");
        ExpectNull(root, "/back%5Cslash", "a '\\' inside a segment is refused (a separator on Windows)");
    }

    [Fact(DisplayName = "A link to a sibling folder whose name starts like the root's is refused")]
    public void A_link_to_a_look_alike_sibling_is_refused()
    {
        using var files = new WebRootFixture();
        var root = new WebRoot(files.Root);
        var siblings = new List<string> { files.Root + "2" };
        // A folder that differs from the root only in case, where the file system tells them apart.
        var upper = Path.Combine(files.Base, "WWW");
        if (!Directory.Exists(upper)) siblings.Add(upper);
        for (var i = 0; i < siblings.Count; i++)
        {
            Directory.CreateDirectory(siblings[i]);
            File.WriteAllText(Path.Combine(siblings[i], "secret.txt"), WebRootFixture.Secret, new UTF8Encoding(false));
            if (!files.TryLink($"sibling{i}", siblings[i], directory: true, out var why)) Assert.Skip(why);
        }
        for (var i = 0; i < siblings.Count; i++)
            ExpectNull(root, $"/sibling{i}/secret.txt",
                $"the link leads to {siblings[i]}, outside the root {files.Root}. \"Inside\" means the root's path followed by a separator " +
                "(a bare prefix test takes www2 for www), compared with case on systems whose names have case");
    }
}
