using System.Net.Sockets;

namespace SocketCourse.Browser.Tests;

/// <summary>Step 1, for the keen: the rarer answers of a request reader.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "1")]
[Trait("Stretch", "true")]
public sealed class Step1_StretchTests
{
    private static Task<HttpError> Refusal(string wire) =>
        ReaderRun.RefusalAsync([HttpWire.Ascii(wire)], close: false, "a refused request", pauseMs: 0);

    [Fact(DisplayName = "Transfer-Encoding is refused with 501")]
    public async Task Transfer_encoding_is_501()
    {
        var error = await Refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        Assert.True(error.StatusCode == 501, $"A chunked body (Transfer-Encoding) was refused with {error.StatusCode}; this reader reads bodies by Content-Length only, so the answer is 501 Not Implemented.");
    }

    [Fact(DisplayName = "Two Content-Length headers that disagree are refused with 400")]
    public async Task Disagreeing_content_lengths_are_400()
    {
        var error = await Refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
        Assert.True(error.StatusCode == 400, $"Two Content-Length headers (5 and 6) were refused with {error.StatusCode}, expected 400: a server that picks one and a proxy that picks the other see different requests (request smuggling).");
    }

    [Fact(DisplayName = "Empty lines before a request line are skipped; a bare LF ends a line")]
    public async Task Empty_lines_before_a_request_are_skipped()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var reader = new HttpRequestReader(new NetworkStream(pair.Learner, ownsSocket: false));
        var reading = CodeUnderTest.Start(() => reader.ReadRequestAsync());
        await CodeUnderTest.WhileRunning(reading, () => pair.Grader.SendAsync(HttpWire.Ascii("\r\n\nGET /x HTTP/1.0\n\n")));
        var request = await CodeUnderTest.Finish(reading, "a request after two empty lines");
        Assert.True(request is { Method: "GET", Target: "/x", Version: "HTTP/1.0" }, $"Sent \"\\r\\n\\nGET /x HTTP/1.0\\n\\n\"; got {request?.Method} {request?.Target} {request?.Version}.");
    }
}
