using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Browser.Tests;

// Found by mutation testing (.ci/mutation): the reader's buffer handling across reads and the rarer request rules had no
// grader. Bytes go over a real loopback connection; the grader's sends are whole before the reader's verdict counts.

/// <summary>Reads requests with the learner's reader while the grader sends <c>parts</c>, each its own write, a pause apart.</summary>
internal static class ReaderRun
{
    public static async Task<List<HttpRequest?>> ReadAsync(IReadOnlyList<byte[]> parts, int count, bool close = true, HttpLimits? limits = null, int pauseMs = 20)
    {
        using var pair = await ConnectedPair.OpenAsync();
        pair.Grader.Socket.NoDelay = true;
        var reader = new HttpRequestReader(new NetworkStream(pair.Learner, ownsSocket: false), limits);
        var reading = CodeUnderTest.Start(async () =>
        {
            var requests = new List<HttpRequest?>();
            for (var i = 0; i < count; i++) requests.Add(await reader.ReadRequestAsync());
            return requests;
        });
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            foreach (var part in parts)
            {
                await pair.Grader.SendAsync(part);
                await Task.Delay(pauseMs);
            }
            if (close) pair.Grader.ShutdownSend();
        });
        return await CodeUnderTest.Finish(reading, $"{count} ReadRequestAsync call(s) over {parts.Count} writes");
    }

    public static async Task<HttpError> RefusalAsync(IReadOnlyList<byte[]> parts, bool close, string why, HttpLimits? limits = null, int pauseMs = 20)
    {
        using var pair = await ConnectedPair.OpenAsync();
        pair.Grader.Socket.NoDelay = true;
        var reader = new HttpRequestReader(new NetworkStream(pair.Learner, ownsSocket: false), limits);
        var reading = CodeUnderTest.Start(() => reader.ReadRequestAsync());
        // The refusal is what these writes provoke, and it may come before the last of them: they are made outside
        // CodeUnderTest.WhileRunning, where it would be taken for the learner's failure (CONTRIBUTING, Rules for graders),
        // and Expect.Throws judges it. Once the reader has finished, the rest need not be sent.
        foreach (var part in parts)
        {
            if (reading.IsCompleted) break;
            await pair.Grader.SendAsync(part);
            await Task.Delay(pauseMs);
        }
        if (close && !reading.IsCompleted) pair.Grader.ShutdownSend();
        return await Expect.Throws<HttpError>(reading, why);
    }

    public static string Describe(HttpRequest? request) =>
        request is null ? "null" : $"{request.Method} {Show.Text(request.Target, 60)} {request.Version} with {request.Headers.Count} header(s) and a {request.Body.Length}-byte body";
}

/// <summary>Step 1: what a reader keeps between reads: the rest of a request, a body split over writes, the next request.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "1")]
public sealed class Step1_ReaderAcrossReadsTests
{
    [Fact(DisplayName = "Forty keep-alive requests in 1000-byte writes are all read (more than the buffer holds)")]
    public async Task Forty_requests_in_1000_byte_writes_are_all_read()
    {
        // 40 requests of about 1.1 KB: 45 KB in all, more than the reader's buffer, cut at places that are not request ends.
        var requests = Enumerable.Range(0, 40).Select(i => $"GET /r{i} HTTP/1.1\r\nHost: x\r\nX-Pad: {new string('p', 1050)}\r\n\r\n").ToList();
        var wire = Encoding.ASCII.GetBytes(string.Concat(requests));
        var parts = wire.Chunk(1000).ToList();
        var read = await ReaderRun.ReadAsync(parts, 41);

        var wrong = Enumerable.Range(0, 40).FirstOrDefault(i => read[i]?.Target != $"/r{i}", -1);
        Assert.True(wrong < 0,
            $"Request {wrong + 1} of 40 (sent as 1000-byte writes, about 45 KB in all) came out as {ReaderRun.Describe(read[Math.Max(wrong, 0)])}, expected GET /r{wrong}. " +
            "A buffer fills up over a long keep-alive connection: when a line is not complete yet, move its bytes to the start of the buffer " +
            "before reading more, so the buffer only ever needs room for one line. " + Explain.ByteStream);
        Assert.True(read[40] is null, $"After the 40 requests the grader closed its side; the 41st call returned {ReaderRun.Describe(read[40])}, expected null.");
    }

    [Fact(DisplayName = "A body split over two writes is read whole, and the next request after it")]
    public async Task A_body_split_over_two_writes_is_read_whole()
    {
        var body = string.Concat(Enumerable.Range(0, 10).Select(i => $"{i}123456789"));
        var parts = new[]
        {
            Encoding.ASCII.GetBytes($"POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: {body.Length}\r\n\r\n{body[..10]}"),
            Encoding.ASCII.GetBytes(body[10..] + "GET /next HTTP/1.1\r\nHost: x\r\n\r\n"),
        };
        var read = await ReaderRun.ReadAsync(parts, 2);

        Assert.True(read[0] is { Method: "POST" } post && Encoding.ASCII.GetString(post.Body) == body,
            $"A POST whose 100-byte body came in two writes (10 bytes with the head, 90 later) was read as {ReaderRun.Describe(read[0])}" +
            (read[0] is { } p ? $" with the body {Show.Bytes(p.Body, 60)}" : "") + ". Take what the buffer already holds, then read the rest of the body from the stream.");
        Assert.True(read[1] is { Method: "GET", Target: "/next" }, $"The request after the body came out as {ReaderRun.Describe(read[1])}.");
    }

    [Fact(DisplayName = "A connection that ends inside a body or inside a request line is refused with 400")]
    public async Task A_connection_that_ends_inside_a_body_or_a_request_line_is_400()
    {
        var body = await ReaderRun.RefusalAsync([Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")], close: true,
            "the connection ended after 3 of 10 body bytes: HttpError 400");
        Assert.True(body.StatusCode == 400, $"A body cut off after 3 of 10 bytes was refused with {body.StatusCode}, expected 400: a short body is a cut-off request.");
        var line = await ReaderRun.RefusalAsync([Encoding.ASCII.GetBytes("GET / HT")], close: true,
            "the connection ended in the middle of the request line: HttpError 400 (null is only for an end before the first byte)");
        Assert.True(line.StatusCode == 400, $"A request line cut off by the end of the stream was refused with {line.StatusCode}, expected 400.");
    }
}

/// <summary>Step 1, for the keen: the rarer rules of a request's lines.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "1")]
[Trait("Stretch", "true")]
public sealed class Step1_ReaderRulesStretchTests
{
    [Theory(DisplayName = "More malformed requests are refused with 400")]
    [InlineData("GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n", "a control character in the target")]
    [InlineData("GET /a\u007fb HTTP/1.1\r\nHost: x\r\n\r\n", "a DEL character in the target")]
    [InlineData(" / HTTP/1.1\r\nHost: x\r\n\r\n", "an empty method")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n", "a control character in a header value")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u007fb\r\n\r\n", "a DEL character in a header value")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", "a bare CR inside a header line")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n: nameless\r\n\r\n", "a header line with an empty name")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nX A: b\r\n\r\n", "a space inside a header name")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", "two Host headers")]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000000000\r\n\r\n", "a Content-Length of 19 digits")]
    public async Task More_malformed_requests_are_400(string wire, string what)
    {
        var error = await ReaderRun.RefusalAsync([Encoding.Latin1.GetBytes(wire)], close: false, $"the request has {what}: HttpError 400");
        Assert.True(error.StatusCode == 400, $"A request with {what} was refused with {error.StatusCode} ({Show.Text(error.Message)}), expected 400 Bad Request.");
    }

    [Fact(DisplayName = "An 18-digit Content-Length is a number (413), a tab in a value and a leading LF are fine")]
    public async Task Edge_cases_that_are_not_malformed()
    {
        var big = await ReaderRun.RefusalAsync([Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000000000\r\n\r\n")], close: false,
            "an 18-digit Content-Length is a number, far over the body limit: HttpError 413");
        Assert.True(big.StatusCode == 413, $"Content-Length: 100000000000000000 (18 digits) was refused with {big.StatusCode}, expected 413: it is a number of bytes, just too many.");

        var read = await ReaderRun.ReadAsync([Encoding.ASCII.GetBytes("\nGET /x HTTP/1.1\r\nHost: x\r\nX-A: a\tb\r\nX-Big: " + new string('b', 10_000) + "\r\n\r\n")], 1);
        Assert.True(read[0] is { Target: "/x" } request && request.Headers.Any(h => h.Key == "X-A" && h.Value == "a\tb") && request.Headers.Any(h => h.Key == "X-Big"),
            $"A request after a bare LF, with a tab inside a header value and a 10,000-byte header line (the header section may hold 32 KB), came out as " +
            $"{ReaderRun.Describe(read[0])}. An empty line before the request line is skipped; a tab is allowed inside a value; one header line may be longer than the request line's 8 KB.");
    }

    [Fact(DisplayName = "A body of exactly the limit is read")]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        var body = new byte[HttpLimits.DefaultMaxBodyBytes];
        Array.Fill(body, (byte)'b');
        var head = Encoding.ASCII.GetBytes($"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: {body.Length}\r\n\r\n");
        var read = await ReaderRun.ReadAsync([head, body], 1, close: false);
        Assert.True(read[0]?.Body.Length == body.Length, $"A body of exactly 1 MiB (the limit) was read as {ReaderRun.Describe(read[0])}; the limit itself is allowed.");
    }
}
