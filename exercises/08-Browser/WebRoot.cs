namespace SocketCourse.Browser;

/// <summary>
/// Step 2: maps a request path to a file inside the web root, and refuses every way out of it. A server that
/// joins <c>/../../etc/passwd</c> to its root hands out any file the process can read.
/// </summary>
public sealed class WebRoot
{
    /// <summary>A web root at <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public WebRoot(string directory)
    {
        throw new NotImplementedException(
            "Step 2: keep the root's full path, with its symbolic links resolved. See notebooks/08-browser.ipynb, step 2.");
    }

    /// <summary>The web root's full path, with the symbolic links along it resolved.</summary>
    public string Directory =>
        throw new NotImplementedException("Step 2: keep the root's real path. See notebooks/08-browser.ipynb, step 2.");

    /// <summary>
    /// The file that <paramref name="requestPath"/> (a request's path, still percent-encoded, without its query)
    /// names inside the root, or null when there is none or when the path is refused. A path ending in <c>/</c>
    /// names that directory's <c>index.html</c>; so does a directory's own path.
    /// Refused (null), whatever exists on the disk:
    /// <list type="bullet">
    /// <item>a path not starting with <c>/</c>, an empty segment other than the last (<c>//etc</c>);</item>
    /// <item>a segment that, percent-decoded as strict UTF-8, is <c>.</c> or <c>..</c> (<c>%2e%2e</c> too), ends in
    /// a dot or a space, or holds <c>/</c> (<c>%2f</c>), <c>\</c> (<c>%5c</c>), <c>:</c> (drive letters, Windows
    /// streams), NUL or another control character; a broken escape or invalid UTF-8;</item>
    /// <item>a file or directory reached through a symbolic link whose final target is outside the root.</item>
    /// </list>
    /// </summary>
    /// <returns>The full path of an existing file inside the root, or null.</returns>
    public string? Resolve(string requestPath)
    {
        throw new NotImplementedException(
            "Step 2: decode and check each segment, join them to the root, then check the real path is still inside. " +
            "See notebooks/08-browser.ipynb, step 2.");
    }
}
