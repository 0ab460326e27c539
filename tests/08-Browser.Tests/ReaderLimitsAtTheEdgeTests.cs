using System.Text;

namespace SocketCourse.Browser.Tests;

// The reader's limits at their edges, with small limits so the requests stay small, and the last rules of a line. Found by
// mutation testing (.ci/mutation): no grader sent a request line of exactly the limit with its line end still to come,
// counted the header lines' line ends, ended the stream right after a header line, or put a non-ASCII byte or a space
// in a header value.

/// <summary>Step 1: a request line of exactly the limit, header lines counted with their line ends, and more line rules.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "1")]
public sealed class Step1_ReaderLimitsAtTheEdgeTests
{
    [Fact(DisplayName = "A request line of exactly the limit is read, even when its CR LF comes later")]
    public async Task A_request_line_of_exactly_the_limit_is_read()
    {
        var limits = new HttpLimits(MaxRequestLineBytes: 1000, MaxHeaderBytes: 200);
        var target = "/" + new string('t', 1000 - "GET / HTTP/1.1".Length);
        var line = $"GET {target} HTTP/1.1";
        // The line and its CR first, the LF later: up to the limit plus one byte (a CR that may end the line) must be
        // waited for without refusing.
        var read = await ReaderRun.ReadAsync([Encoding.ASCII.GetBytes(line + "\r"), Encoding.ASCII.GetBytes("\nHost: x\r\n\r\n")], 1, close: false,
            limits: limits, pauseMs: 100);
        Assert.True(read[0]?.Target == target,
            $"With MaxRequestLineBytes 1000, a request line of exactly 1000 bytes (sent with its CR, the LF 100 ms later) came out as " +
            $"{ReaderRun.Describe(read[0])}. Only a line longer than the limit, not counting its CR LF, is 414: keep room in the buffer for the limit, " +
            "a CR and the LF, and refuse only once more than the limit and a CR have come without a LF.");

        var tooLong = await ReaderRun.RefusalAsync([Encoding.ASCII.GetBytes($"GET {target}t HTTP/1.1\r\nHost: x\r\n\r\n")], close: false,
            "a request line of 1001 bytes with a 1000-byte limit: HttpError 414", limits);
        Assert.True(tooLong.StatusCode == 414, $"A request line of 1001 bytes with a 1000-byte limit was refused with {tooLong.StatusCode}, expected 414 URI Too Long.");
    }

    [Fact(DisplayName = "Header lines count with their line ends against MaxHeaderBytes")]
    public async Task Header_lines_count_with_their_line_ends()
    {
        // 80 lines of 11 bytes: 880 bytes of text (under the 1000-byte limit) but 1040 with their CR LFs (over it).
        var lines = string.Concat(Enumerable.Range(0, 80).Select(i => $"X-H{i:D2}: abcd\r\n"));
        var error = await ReaderRun.RefusalAsync([Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: x\r\n{lines}\r\n")], close: false,
            "81 header lines holding 1049 bytes with their line ends, against a 1000-byte limit: HttpError 431", new HttpLimits(MaxHeaderBytes: 1000));
        Assert.True(error.StatusCode == 431,
            $"81 header lines of 1049 bytes in all (887 without their CR LFs) with MaxHeaderBytes 1000 were refused with {error.StatusCode}; expected 431. " +
            "The limit counts the header lines with their line ends.");
    }

    [Fact(DisplayName = "A connection that ends right after a header line is refused with 400")]
    public async Task A_connection_that_ends_after_a_header_line_is_400()
    {
        var error = await ReaderRun.RefusalAsync([Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n")], close: true,
            "the connection ended after a whole header line, before the empty line: HttpError 400");
        Assert.True(error.StatusCode == 400,
            $"A request cut off after a complete header line (no empty line yet) was refused with {error.StatusCode}, expected 400: only an end before a " +
            "request's first byte is a clean end.");
    }

    [Fact(DisplayName = "A non-ASCII byte in a header value is 400; spaces inside a value are fine")]
    public async Task Non_ASCII_in_a_value_is_400_and_spaces_are_fine()
    {
        var error = await ReaderRun.RefusalAsync([[.. Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nX-A: caf"), 0xC3, 0xA9, .. Encoding.ASCII.GetBytes("\r\n\r\n")]],
            close: false, "a header value holding the bytes C3 A9 (UTF-8 for é): HttpError 400");
        Assert.True(error.StatusCode == 400, $"A header value with non-ASCII bytes was refused with {error.StatusCode}, expected 400.");

        var read = await ReaderRun.ReadAsync([Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nX-A: a b  c\r\n\r\n")], 1, close: false);
        Assert.True(read[0]?.Header("X-A") == "a b  c",
            $"The header X-A: a b  c came out as {(read[0] is { } r ? Show.Text(r.Header("X-A")) : "no request")}; spaces inside a value are part of it " +
            "(only those around it are trimmed).");
    }
}
