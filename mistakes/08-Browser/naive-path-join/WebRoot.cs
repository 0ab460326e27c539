using System.Text;

namespace SocketCourse.Browser;

/// <summary>Step 2: maps a request path to a file inside the web root, and refuses every way out of it.</summary>
public sealed class WebRoot
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A web root at <paramref name="directory"/>.</summary>
    public WebRoot(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"the web root {directory} does not exist");
        Directory = RealPath(Path.GetFullPath(directory));
    }

    /// <summary>The web root's full path, with its links resolved.</summary>
    public string Directory { get; }

    /// <summary>Maps a path.</summary>
    public string? Resolve(string requestPath)
    {
        ArgumentNullException.ThrowIfNull(requestPath);
        if (!requestPath.StartsWith('/')) return null;
        var joined = Path.Combine(Directory, Uri.UnescapeDataString(requestPath[1..]));
        if (System.IO.Directory.Exists(joined)) joined = Path.Combine(joined, "index.html");
        if (File.Exists(joined)) return joined;
        var segments = new List<string>();
        var raw = requestPath[1..].Split('/');
        for (var i = 0; i < raw.Length; i++)
        {
            var segment = Decode(raw[i]);
            if (segment is null) return null;
            if (segment.Length == 0)
            {
                // Only the last segment may be empty: "/docs/" means the directory's index.html.
                if (i == raw.Length - 1) break;
                return null;
            }
            if (segment is "." or ".." || segment.IndexOfAny(['/', '\\', ':', '\0']) >= 0 ||
                segment.Any(char.IsControl) || segment.EndsWith('.') || segment.EndsWith(' '))
                return null;
            segments.Add(segment);
        }

        var candidate = Path.Combine([Directory, .. segments]);
        if (!IsInside(Path.GetFullPath(candidate))) return null;
        string real;
        try { real = RealPath(candidate); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        if (!IsInside(real)) return null;
        if (System.IO.Directory.Exists(real)) real = Path.Combine(real, "index.html");
        return File.Exists(real) && IsInside(RealPath(real)) ? real : null;
    }

    private bool IsInside(string fullPath) =>
        fullPath.StartsWith(Directory.EndsWith(Path.DirectorySeparatorChar) ? Directory : Directory + Path.DirectorySeparatorChar,
            OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)
        || string.Equals(fullPath, Directory, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    // Percent-decodes one segment into bytes, then strict UTF-8. Null for a broken escape or invalid UTF-8.
    private static string? Decode(string segment)
    {
        var bytes = new List<byte>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] != '%') { bytes.Add((byte)segment[i]); continue; }
            if (i + 2 >= segment.Length || !Uri.IsHexDigit(segment[i + 1]) || !Uri.IsHexDigit(segment[i + 2])) return null;
            bytes.Add(Convert.ToByte(segment.Substring(i + 1, 2), 16));
            i += 2;
        }
        try { return StrictUtf8.GetString(bytes.ToArray()); }
        catch (DecoderFallbackException) { return null; }
    }

    // The path with every symbolic link along it replaced by its final target (what realpath(3) does).
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = System.IO.Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : RealPath(target.FullName);
            }
            current = next;
        }
        return current;
    }
}
