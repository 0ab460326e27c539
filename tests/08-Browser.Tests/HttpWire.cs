using System.Globalization;
using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>An HTTP response as the grader read it off the wire.</summary>
internal sealed record WireResponse(string StatusLine, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    public override string ToString() =>
        $"{StatusLine} [{string.Join("; ", Headers.Select(h => h.Key + ": " + h.Value))}] body {Show.Bytes(Body, 120)}";
}

/// <summary>The grader's side of HTTP: raw requests out, responses read byte by byte.</summary>
internal static class HttpWire
{
    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A GET (or another method) for <paramref name="target"/> with a Host header.</summary>
    public static string Request(string target, string method = "GET", string extraHeaders = "") =>
        $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extraHeaders}\r\n";

    /// <summary>Reads one response: the status line, the headers, and a body of Content-Length bytes (none after a
    /// HEAD or a 101).</summary>
    public static async Task<WireResponse> ReadResponseAsync(LoopbackPeer peer, string awaited, bool afterHead = false)
    {
        var statusLine = await peer.ReadLineAsync($"the status line of {awaited}");
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[1].Length != 3 ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            throw new GradingException($"Expected a status line like \"HTTP/1.1 200 OK\" for {awaited}, got {Show.Text(statusLine)}.");
        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = await peer.ReadLineAsync($"a header line or the empty line of {awaited} (after {statusLine})");
            if (line.Length == 0) break;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new GradingException($"Expected a header line \"Name: value\" in {awaited}, got {Show.Text(line)}.");
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
        var response = new WireResponse(statusLine, status, headers, []);
        if (afterHead || status == 101 || status == 204 || status == 304) return response;
        var length = response.Header("Content-Length");
        if (length is null || !int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new GradingException($"The response to {awaited} has no usable Content-Length ({response}): without it the client " +
                                       "cannot tell where the body ends on a connection that stays open.");
        var body = count == 0 ? [] : await peer.ReadExactlyAsync(count, $"the {count}-byte body of {awaited}");
        return response with { Body = body };
    }

    /// <summary>Sends <paramref name="request"/> on a new connection and reads the response.</summary>
    public static async Task<WireResponse> OneRequestAsync(System.Net.EndPoint server, string request, string awaited, bool afterHead = false)
    {
        using var peer = await LoopbackPeer.ConnectAsync(server, "the grader's HTTP client");
        await peer.SendAsync(Ascii(request));
        return await ReadResponseAsync(peer, awaited, afterHead);
    }
}
