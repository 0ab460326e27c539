using System.Text;

namespace SocketCourse.Browser;

/// <summary>Step 2: writes HTTP/1.1 responses: status line, header lines, an empty line, then the body.</summary>
public static class HttpResponseWriter
{
    /// <summary>The bytes of a response head.</summary>
    public static byte[] Head(int statusCode, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (statusCode is < 100 or > 999) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "a status code has three digits");
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(statusCode).Append(' ').Append(HttpStatus.Reason(statusCode)).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            if (name.Length == 0 || name.Any(c => c <= ' ' || c == ':' || c >= 0x7F) || value.Any(c => c is '\r' or '\n'))
                throw new ArgumentException($"the header {name}: {value} cannot be written as one header line", nameof(headers));
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("\r\n");
        return Encoding.ASCII.GetBytes(head.ToString());
    }

    /// <summary>Writes a complete response.</summary>
    public static async Task WriteAsync(Stream stream, int statusCode, IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body, bool headOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var all = headers.ToList();
        if (!all.Any(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) && statusCode != 101 && statusCode >= 200)
            all.Add(new("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await stream.WriteAsync(Head(statusCode, all), cancellationToken);
        if (!headOnly && body.Length > 0) await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Writes a short plain-text response.</summary>
    public static Task WriteTextAsync(Stream stream, int statusCode, string text, bool keepAlive,
        IEnumerable<KeyValuePair<string, string>>? extraHeaders = null, bool headOnly = false, CancellationToken cancellationToken = default)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "text/plain; charset=utf-8"),
            new("Connection", keepAlive ? "keep-alive" : "close"),
        };
        if (extraHeaders is not null) headers.AddRange(extraHeaders);
        return WriteAsync(stream, statusCode, headers, Encoding.UTF8.GetBytes(text + "\n"), headOnly, cancellationToken);
    }
}
