namespace SocketCourse.Browser.Tests;

// What comes after an answer on a connection that stays open: the next request, answered alone. Found by mutation
// testing (.ci/mutation): a 405 followed by a second answer to the same request, and an HTTP/1.0 keep-alive request
// answered and then closed, both went unnoticed, because no grader sent anything after those answers.

/// <summary>Step 2: after a 405 and after an HTTP/1.0 keep-alive answer, the next request gets the next answer.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
public sealed class Step2_NextRequestAfterAnswersTests
{
    [Fact(DisplayName = "After a 405 the next answer on the connection is the next request's")]
    public async Task After_a_405_the_next_answer_is_the_next_requests()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP client");
        await peer.SendAsync(HttpWire.Ascii(HttpWire.Request("/index.html", "DELETE") + HttpWire.Request("/nothing-here.html")));
        var refused = await HttpWire.ReadResponseAsync(peer, "DELETE /index.html");
        var next = await HttpWire.ReadResponseAsync(peer, "GET /nothing-here.html, sent right after the DELETE");
        Assert.True(refused.Status == 405 && next.Status == 404,
            $"DELETE /index.html then GET /nothing-here.html on one connection were answered with {refused.Status}, then {next}; expected 405, then 404. " +
            "A refused method gets its 405 and nothing else: answering the request a second time (say, with the file) puts an extra response on the " +
            "connection, and the client takes it for the answer to its next request.");
    }

    [Fact(DisplayName = "HTTP/1.0 with Connection: keep-alive stays open for the next request")]
    public async Task HTTP_1_0_keep_alive_stays_open()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP/1.0 client");
        await peer.SendAsync(HttpWire.Ascii("GET /style.css HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"));
        var first = await HttpWire.ReadResponseAsync(peer, "GET /style.css HTTP/1.0 with Connection: Keep-Alive");
        Assert.True(first.Status == 200 && string.Equals(first.Header("Connection"), "keep-alive", StringComparison.OrdinalIgnoreCase),
            $"An HTTP/1.0 request with Connection: Keep-Alive got {first}; expected 200 with Connection: keep-alive: an HTTP/1.0 client that asks for " +
            "keep-alive (the token compares without regard to case) keeps its connection.");
        await peer.SendAsync(HttpWire.Ascii("GET /nothing-here.html HTTP/1.0\r\n\r\n"));
        var second = await HttpWire.ReadResponseAsync(peer, "a second HTTP/1.0 request on the kept-alive connection");
        Assert.True(second.Status == 404 && second.Header("Connection") == "close",
            $"The second HTTP/1.0 request (without keep-alive) on that connection got {second}; expected 404 with Connection: close.");
        await peer.ExpectCleanCloseAsync("after the answer to an HTTP/1.0 request without keep-alive");
    }
}
