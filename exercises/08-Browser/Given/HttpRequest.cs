namespace SocketCourse.Browser;

/// <summary>One parsed HTTP/1.x request.</summary>
/// <param name="Method">The method as sent, e.g. <c>GET</c> (methods are case-sensitive).</param>
/// <param name="Target">The request target as sent, still percent-encoded, e.g. <c>/docs/a%20b.html?x=1</c>.</param>
/// <param name="Version">The protocol version, <c>HTTP/1.1</c> or <c>HTTP/1.0</c>.</param>
/// <param name="Headers">The header fields in the order they came, names as sent, values without the
/// whitespace around them.</param>
/// <param name="Body">The body (empty when there is no Content-Length).</param>
public sealed record HttpRequest(string Method, string Target, string Version,
    IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The value of the first header called <paramref name="name"/> (names compare without regard to
    /// case), or null when there is none.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    /// <summary>Whether the header <paramref name="name"/> holds <paramref name="token"/> in its comma-separated
    /// list, without regard to case: <c>Connection: keep-alive, Upgrade</c> holds <c>upgrade</c>.</summary>
    public bool HeaderHasToken(string name, string token)
    {
        foreach (var (key, value) in Headers)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var part in value.Split(','))
                if (string.Equals(part.Trim(), token, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The path part of <see cref="Target"/>: everything before the first <c>?</c> or <c>#</c>.</summary>
    public string Path
    {
        get
        {
            var end = Target.IndexOfAny(['?', '#']);
            return end < 0 ? Target : Target[..end];
        }
    }
}
