using System.Net.WebSockets;
using System.Text;

namespace SocketCourse.Browser.Tests;

// What the writers put on a stream, read back byte for byte: the Content-Length rule, a HEAD answer, the plain-text
// response's headers, a refused handshake, and the flush each writer promises. Found by mutation testing
// (.ci/mutation): these were only seen through an HTTP client, which forgives a missing or doubled Content-Length and
// never looks at a refusal's headers. The stream is a BufferedStream over a MemoryStream: what was not flushed is not
// in the MemoryStream, as it would not be on the wire behind a buffering stream.

/// <summary>A stream that holds writes until they are flushed, and what has reached the bytes beneath it.</summary>
internal sealed class FlushedBytes
{
    private readonly MemoryStream _beneath = new();

    public FlushedBytes() => Stream = new BufferedStream(_beneath, 64 * 1024);

    public Stream Stream { get; }

    public byte[] Bytes => _beneath.ToArray();

    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>The header lines of the response that reached the bytes, and its body.</summary>
    public (string StatusLine, List<string> Headers, string Body) Response()
    {
        var text = Text;
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) throw new GradingException($"No complete response head reached the stream beneath (flushed so far: {Show.Text(text, 200)}). " +
            "Write the head, the body, then flush: a buffering stream keeps what is not flushed.");
        var lines = text[..end].Split("\r\n");
        return (lines[0], [.. lines.Skip(1)], text[(end + 4)..]);
    }
}

/// <summary>Step 2: WriteAsync's Content-Length rule and HEAD answer, WriteTextAsync's headers and body, and the flush.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
public sealed class Step2_WrittenResponseDetailsTests
{
    private static async Task<(string StatusLine, List<string> Headers, string Body)> WriteAsync(int status,
        KeyValuePair<string, string>[] headers, string body, bool headOnly = false)
    {
        var written = new FlushedBytes();
        await CodeUnderTest.Finish(CodeUnderTest.Start(() => HttpResponseWriter.WriteAsync(written.Stream, status, headers, Encoding.ASCII.GetBytes(body), headOnly)),
            $"WriteAsync({status}, …)");
        return written.Response();
    }

    [Fact(DisplayName = "WriteAsync adds Content-Length for 200, not for 1xx or 101, and never twice")]
    public async Task WriteAsync_adds_Content_Length_when_needed()
    {
        var ok = await WriteAsync(200, [new("X-A", "1")], "hello");
        Assert.True(ok.Headers.SequenceEqual(["X-A: 1", "Content-Length: 5"]) && ok.Body == "hello",
            $"WriteAsync(200, [X-A: 1], \"hello\") flushed the headers {Show.Text(string.Join(" | ", ok.Headers))} and the body {Show.Text(ok.Body)}; " +
            "expected X-A: 1 | Content-Length: 5, then hello. The headers given come first, then Content-Length (the body's length), and the head and body are flushed.");

        var own = await WriteAsync(200, [new("content-length", "5")], "hello");
        Assert.True(own.Headers.SequenceEqual(["content-length: 5"]),
            $"With the caller's own \"content-length: 5\" the head held {Show.Text(string.Join(" | ", own.Headers))}; header names compare without regard to case, " +
            "so there is one already: add none (two Content-Lengths make a response that clients refuse).");

        foreach (var status in new[] { 100, 101 })
        {
            var informational = await WriteAsync(status, [new("X-B", "2")], "");
            Assert.True(informational.Headers.SequenceEqual(["X-B: 2"]),
                $"WriteAsync({status}, [X-B: 2], no body) wrote {Show.Text(string.Join(" | ", informational.Headers))}; a 1xx response has no body, so no Content-Length.");
        }
    }

    [Fact(DisplayName = "WriteAsync for a HEAD request writes the same head and no body")]
    public async Task WriteAsync_head_only_writes_no_body()
    {
        var head = await WriteAsync(200, [], "hello", headOnly: true);
        Assert.True(head.Headers.SequenceEqual(["Content-Length: 5"]) && head.Body.Length == 0,
            $"WriteAsync(200, [], \"hello\", headOnly: true) wrote {Show.Text(string.Join(" | ", head.Headers))} and the body {Show.Text(head.Body)}; " +
            "expected Content-Length: 5 (the length a GET would get) and nothing after the head.");
    }

    [Theory(DisplayName = "WriteTextAsync writes text/plain, the Connection header asked for, and the text with a LF")]
    [InlineData(true, "keep-alive")]
    [InlineData(false, "close")]
    public async Task WriteTextAsync_writes_its_headers_and_body(bool keepAlive, string connection)
    {
        var written = new FlushedBytes();
        await CodeUnderTest.Finish(CodeUnderTest.Start(() => HttpResponseWriter.WriteTextAsync(written.Stream, 404, "no such file", keepAlive, [new("X-C", "3")])),
            "WriteTextAsync(404, \"no such file\", …)");
        var (status, headers, body) = written.Response();
        Assert.True(status == "HTTP/1.1 404 Not Found"
                && headers.SequenceEqual(["Content-Type: text/plain; charset=utf-8", $"Connection: {connection}", "X-C: 3", "Content-Length: 13"])
                && body == "no such file\n",
            $"WriteTextAsync(404, \"no such file\", keepAlive: {keepAlive}, [X-C: 3]) flushed {Show.Text(status)}, the headers " +
            $"{Show.Text(string.Join(" | ", headers))} and the body {Show.Text(body)}; expected Content-Type: text/plain; charset=utf-8 | Connection: {connection} | " +
            "X-C: 3 | Content-Length: 13, then the text and a LF.");
    }
}

/// <summary>Step 3: a refused handshake's answer and result, and that the 101 and a message are flushed.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "3")]
public sealed class Step3_WrittenHandshakeDetailsTests
{
    private static HttpRequest Upgrade(string version, string? key = "dGhlIHNhbXBsZSBub25jZQ==") =>
        new("GET", "/chat", "HTTP/1.1",
        [
            new("Host", "127.0.0.1"), new("Upgrade", "websocket"), new("Connection", "Upgrade"), new("Sec-WebSocket-Version", version),
            .. key is null ? Array.Empty<KeyValuePair<string, string>>() : [new("Sec-WebSocket-Key", key)],
        ], []);

    [Theory(DisplayName = "A refused handshake returns false and answers with Connection: close (426 also names version 13)")]
    [InlineData("8", "dGhlIHNhbXBsZSBub25jZQ==", 426)]
    [InlineData("13", null, 400)]
    public async Task A_refused_handshake_returns_false_with_its_headers(string version, string? key, int expected)
    {
        var written = new FlushedBytes();
        var what = key is null ? "a handshake without Sec-WebSocket-Key" : $"a handshake with Sec-WebSocket-Version: {version}";
        var accepted = await CodeUnderTest.Finish(CodeUnderTest.Start(() => WebSocketHandshake.TryAcceptAsync(Upgrade(version, key), written.Stream)),
            $"TryAcceptAsync for {what}");
        var (status, headers, _) = written.Response();
        var wanted = expected == 426 ? new[] { "Connection: close", "Sec-WebSocket-Version: 13" } : ["Connection: close"];
        Assert.True(!accepted && status.StartsWith($"HTTP/1.1 {expected} ", StringComparison.Ordinal) && wanted.All(headers.Contains)
                && (expected == 426 || !headers.Any(h => h.StartsWith("Sec-WebSocket-Version", StringComparison.OrdinalIgnoreCase))),
            $"TryAcceptAsync for {what} returned {accepted} and flushed {Show.Text(status)} with {Show.Text(string.Join(" | ", headers))}; expected false, " +
            $"{expected}, and {string.Join(" and ", wanted)}" + (expected == 426 ? " (the version the server speaks)" : ", and no Sec-WebSocket-Version (that header answers a wrong version only)") +
            ". A refusal ends the connection: false tells the caller not to read frames.");
    }

    [Fact(DisplayName = "The 101 answer and a sent message are flushed")]
    public async Task The_101_and_a_message_are_flushed()
    {
        var written = new FlushedBytes();
        var accepted = await CodeUnderTest.Finish(CodeUnderTest.Start(() => WebSocketHandshake.TryAcceptAsync(Upgrade("13"), written.Stream)), "TryAcceptAsync for a correct handshake");
        var (status, _, _) = written.Response();
        Assert.True(accepted && status == "HTTP/1.1 101 Switching Protocols", $"A correct handshake returned {accepted} and flushed {Show.Text(status)}; expected true and 101.");

        var message = new FlushedBytes();
        var connection = new WebSocketConnection(message.Stream, isServer: true);
        await CodeUnderTest.Finish(connection.SendTextAsync("hi"), "SendTextAsync(\"hi\")");
        Assert.True(message.Bytes.SequenceEqual(new byte[] { 0x81, 0x02, (byte)'h', (byte)'i' }),
            $"After SendTextAsync(\"hi\") the bytes beneath a buffering stream were {Show.Bytes(message.Bytes)}; expected 81 02 68 69. Flush after each frame: " +
            "a frame left in a buffer is never sent.");
        await CodeUnderTest.Finish(connection.CloseAsync(WebSocketCloseStatus.NormalClosure, ""), "CloseAsync");
    }
}
