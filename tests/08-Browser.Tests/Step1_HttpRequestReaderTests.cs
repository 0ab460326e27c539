using System.Net.Sockets;

namespace SocketCourse.Browser.Tests;

/// <summary>Step 1: an HTTP request reader over a real loopback connection, with limits.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "1")]
public sealed class Step1_HttpRequestReaderTests
{
    // The learner's reader reads `count` requests from its end of the pair while the grader sends `wire`.
    // With oneByteAtATime the grader sends every byte in its own segment (no Nagle, a pause between sends); the
    // deadline for the reader starts only once the last byte has left, however slowly a busy machine sent them.
    private static async Task<List<HttpRequest?>> ReadRequests(string wire, int count, bool oneByteAtATime = false, bool close = true)
    {
        using var pair = await ConnectedPair.OpenAsync();
        pair.Grader.Socket.NoDelay = true;
        var stream = new NetworkStream(pair.Learner, ownsSocket: false);
        var reader = new HttpRequestReader(stream);
        var reading = CodeUnderTest.Start(async () =>
        {
            var requests = new List<HttpRequest?>();
            for (var i = 0; i < count; i++) requests.Add(await reader.ReadRequestAsync());
            return requests;
        });
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            if (oneByteAtATime) await pair.Grader.SendInChunksAsync(HttpWire.Ascii(wire), 1, TimeSpan.FromMilliseconds(1));
            else await pair.Grader.SendAsync(HttpWire.Ascii(wire));
            if (close) pair.Grader.ShutdownSend();
        });
        return await CodeUnderTest.Finish(reading, $"{count} ReadRequestAsync call(s) on {Show.Text(wire, 160)}");
    }

    // Sends `wire` (without closing: a refusal must not wait for more) and expects HttpError with `status`.
    private static async Task ExpectRefusal(string wire, int status, string why, bool close = false)
    {
        var error = await ReaderRun.RefusalAsync([HttpWire.Ascii(wire)], close, $"{why}: HttpError {status}", pauseMs: 0);
        Assert.True(error.StatusCode == status,
            $"Sent {Show.Text(wire, 200)}; the reader refused it with {error.StatusCode} ({Show.Text(error.Message)}), expected {status} {HttpStatus.Reason(status)}. {why}.");
    }

    [Fact(DisplayName = "A GET arriving one byte at a time is parsed: method, target, version, headers")]
    public async Task A_GET_arriving_one_byte_at_a_time_is_parsed()
    {
        var wire = "GET /docs/a%20b.txt?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent:  curl/8.5  \r\nAccept: */*\r\n\r\n";
        var requests = await ReadRequests(wire, 1, oneByteAtATime: true);
        var request = requests[0];

        Assert.True(request is not null, "ReadRequestAsync returned null for a whole request: null means the stream ended before any byte.");
        var headers = string.Join(", ", request.Headers.Select(h => $"{h.Key}={Show.Text(h.Value)}"));
        Assert.True(request.Method == "GET" && request.Target == "/docs/a%20b.txt?x=1" && request.Version == "HTTP/1.1",
            $"Sent {Show.Text(wire)} one byte per write; got method {Show.Text(request.Method)}, target {Show.Text(request.Target)}, version {Show.Text(request.Version)}. " +
            "The request line is METHOD SP TARGET SP VERSION; the target stays percent-encoded. " + Explain.ByteStream);
        Assert.True(request.Headers.Select(h => h.Key).SequenceEqual(["Host", "User-Agent", "Accept"]) &&
                    request.Headers.Select(h => h.Value).SequenceEqual(["127.0.0.1:8080", "curl/8.5", "*/*"]),
            $"Sent headers Host, User-Agent (with spaces around its value) and Accept; got [{headers}]. Keep them in order, names as sent, values trimmed.");
        Assert.True(request.Body.Length == 0, $"A GET without Content-Length has no body; got {request.Body.Length} bytes.");
    }

    [Fact(DisplayName = "Two requests in one read are two requests; the body is read by Content-Length")]
    public async Task Two_requests_in_one_read_are_two_requests()
    {
        var wire = "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello=worldGET /next HTTP/1.1\r\nHost: x\r\n\r\n";
        var requests = await ReadRequests(wire, 3);

        Assert.True(requests[0] is { Method: "POST", Target: "/form" } first && System.Text.Encoding.ASCII.GetString(first.Body) == "hello=world",
            $"Sent a POST with an 11-byte body followed at once by a GET, in one write; the first request was {Describe(requests[0])}. " +
            "The body is exactly Content-Length bytes, and what follows it is the next request.");
        Assert.True(requests[1] is { Method: "GET", Target: "/next" },
            $"The second request (sent right after the first one's body, in the same write) came out as {Describe(requests[1])}. " +
            "Bytes read past one request belong to the next: keep them in your buffer. " + Explain.ByteStream);
        Assert.True(requests[2] is null, $"After the two requests the grader closed its side; the third call returned {Describe(requests[2])}, expected null (a clean end between requests).");
    }

    [Fact(DisplayName = "A request line over 8 KB is refused with 414 without waiting for its end")]
    public Task A_request_line_over_8_KB_is_414() =>
        ExpectRefusal("GET /" + new string('a', HttpLimits.DefaultMaxRequestLineBytes) + "?more", 414,
            "A request line of more than 8 KB with no line end yet is over the limit already; waiting for the rest lets one client hold the server's memory");

    [Fact(DisplayName = "A request line of exactly 8 KB is accepted")]
    public async Task A_request_line_of_exactly_8_KB_is_accepted()
    {
        var target = "/" + new string('a', HttpLimits.DefaultMaxRequestLineBytes - "GET  HTTP/1.1".Length - 1);
        var wire = $"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n";
        var requests = await ReadRequests(wire, 1);
        Assert.True(requests[0]?.Target == target,
            $"A request line of exactly {HttpLimits.DefaultMaxRequestLineBytes} bytes (line end not counted) is within the limit; got {Describe(requests[0])}.");
    }

    [Fact(DisplayName = "Header lines over 32 KB in all are refused with 431")]
    public Task Header_lines_over_32_KB_are_431() =>
        ExpectRefusal("GET / HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"X-Filler-{i}: {new string('f', 1000)}\r\n")), 431,
            "40 header lines of 1 KB each are more than the 32 KB the header section may hold");

    [Fact(DisplayName = "More than 100 header lines are refused with 431; 100 are fine")]
    public async Task More_than_100_header_lines_are_431()
    {
        var hundred = "GET / HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(1, 99).Select(i => $"X-{i}: {i}\r\n")) + "\r\n";
        var requests = await ReadRequests(hundred, 1);
        Assert.True(requests[0]?.Headers.Count == 100, $"A request with exactly 100 header lines is within the limit; got {Describe(requests[0])}.");

        await ExpectRefusal("GET / HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"X-{i}: {i}\r\n")) + "\r\n", 431,
            "101 header lines are one more than the 100 allowed");
    }

    [Theory(DisplayName = "A malformed request is refused with 400")]
    [InlineData("GET /\r\n\r\n", "a request line with two parts")]
    [InlineData("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", "two spaces between method and target")]
    [InlineData("GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", "four parts on the request line")]
    [InlineData("GET index.html HTTP/1.1\r\nHost: x\r\n\r\n", "a target that does not start with '/'")]
    [InlineData("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", "a method with '(' in it")]
    [InlineData("GET / HTTX/1.1\r\nHost: x\r\n\r\n", "a version that is not HTTP/d.d")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", "a header line without a colon")]
    [InlineData("GET / HTTP/1.1\r\nHost : x\r\n\r\n", "whitespace between a header name and its colon")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n", "an obsolete folded header line")]
    [InlineData("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", "an HTTP/1.1 request without Host")]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n", "a Content-Length that is not a number")]
    public Task A_malformed_request_is_400(string wire, string what) =>
        ExpectRefusal(wire, 400, $"The request has {what}");

    [Fact(DisplayName = "An unknown HTTP version is refused with 505")]
    public Task An_unknown_version_is_505() =>
        ExpectRefusal("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP/2.0 is a well-formed version this server does not speak: 505 HTTP Version Not Supported, not 400");

    [Fact(DisplayName = "A body over the limit is refused with 413 before it is sent")]
    public Task A_body_over_the_limit_is_413() =>
        ExpectRefusal($"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: {HttpLimits.DefaultMaxBodyBytes + 1}\r\n\r\n", 413,
            "Content-Length announces one byte more than the 1 MiB limit; refuse on the header, before reading (or allocating) the body, which the grader never sends");

    [Fact(DisplayName = "A connection ending mid-request is refused with 400")]
    public Task A_connection_ending_mid_request_is_400() =>
        ExpectRefusal("GET / HTTP/1.1\r\nHost: x\r\nAcc", 400,
            "The grader closed its side in the middle of a header line: that is a cut-off request, not a clean end (null is only for an end before the first byte)", close: true);

    private static string Describe(HttpRequest? request) =>
        request is null ? "null" : $"{request.Method} {Show.Text(request.Target, 60)} {request.Version} with {request.Headers.Count} header(s) and a {request.Body.Length}-byte body";
}
