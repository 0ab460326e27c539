namespace SocketCourse.Browser;

/// <summary>The Content-Type a static file server sends for a file, from its extension.</summary>
public static class ContentTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".ico"] = "image/x-icon",
    };

    /// <summary>The type for anything not in the table: bytes the browser should not try to show.</summary>
    public const string Default = "application/octet-stream";

    /// <summary>The Content-Type for <paramref name="fileName"/>, from its extension (case aside), or
    /// <see cref="Default"/>.</summary>
    public static string For(string fileName) =>
        ByExtension.TryGetValue(System.IO.Path.GetExtension(fileName), out var type) ? type : Default;
}
