using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>Step 2: a static file server over raw loopback connections.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
public sealed class Step2_StaticFileServerTests
{
    [Fact(DisplayName = "GET / answers 200 with the index page, its Content-Type and Content-Length")]
    public async Task GET_root_answers_the_index_page()
    {
        using var run = ServerRun.Start();
        var response = await HttpWire.OneRequestAsync(run.EndPoint, HttpWire.Request("/"), "GET /");

        Assert.True(response.Status == 200, $"GET / answered {response}; expected 200 with the root's index.html.");
        Assert.True(response.Header("Content-Type") == "text/html; charset=utf-8",
            $"GET / answered Content-Type {Show.Text(response.Header("Content-Type"))}; an .html file is \"text/html; charset=utf-8\" (ContentTypes.For). Without it the browser guesses.");
        Assert.True(response.BodyText == WebRootFixture.IndexHtml,
            $"GET / answered the body {Show.Bytes(response.Body, 100)}; expected index.html's {Encoding.UTF8.GetByteCount(WebRootFixture.IndexHtml)} bytes exactly (Content-Length must count bytes, not characters).");
    }

    [Fact(DisplayName = "Three requests on one connection get three answers (keep-alive)")]
    public async Task Three_requests_on_one_connection_get_three_answers()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP client");
        // The first two in one write (pipelined), the third after the answers.
        await peer.SendAsync(HttpWire.Ascii(HttpWire.Request("/style.css") + HttpWire.Request("/app.js")));
        var css = await HttpWire.ReadResponseAsync(peer, "GET /style.css (first of two pipelined requests)");
        var js = await HttpWire.ReadResponseAsync(peer, "GET /app.js (second of two requests sent in one write)");
        await peer.SendAsync(HttpWire.Ascii(HttpWire.Request("/docs/")));
        var docs = await HttpWire.ReadResponseAsync(peer, "GET /docs/ (third request on the same connection)");

        Assert.True(css.Status == 200 && css.BodyText == "p { color: teal }\n" && js.Status == 200 && js.BodyText == "console.log('hi');\n",
            $"Two requests in one write got {css} and {js}; an HTTP/1.1 connection stays open and each request gets its own answer.");
        Assert.True(docs.Status == 200 && docs.BodyText == "<p>docs</p>\n", $"GET /docs/ on the same connection got {docs}; a path ending in '/' names the directory's index.html.");
        Assert.True(css.Header("Connection") == "keep-alive", $"The answers of a keep-alive connection say so: Connection was {Show.Text(css.Header("Connection"))}, expected \"keep-alive\".");
    }

    [Fact(DisplayName = "Connection: close gets its answer, then a clean close")]
    public async Task Connection_close_gets_an_answer_then_a_clean_close()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP client");
        await peer.SendAsync(HttpWire.Ascii(HttpWire.Request("/", extraHeaders: "Connection: close\r\n")));
        var response = await HttpWire.ReadResponseAsync(peer, "GET / with Connection: close");

        Assert.True(response.Status == 200 && response.Header("Connection") == "close",
            $"GET / with Connection: close got {response}; expected 200 with Connection: close.");
        await peer.ExpectCleanCloseAsync("the client asked for Connection: close, so the server closes after the answer");
    }

    [Fact(DisplayName = "HEAD answers the same head as GET and no body")]
    public async Task HEAD_answers_the_head_without_a_body()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP client");
        await peer.SendAsync(HttpWire.Ascii(HttpWire.Request("/index.html", "HEAD") + HttpWire.Request("/style.css")));
        var head = await HttpWire.ReadResponseAsync(peer, "HEAD /index.html", afterHead: true);
        var next = await HttpWire.ReadResponseAsync(peer, "GET /style.css, sent after the HEAD on the same connection");

        Assert.True(head.Status == 200 && head.Header("Content-Length") == Encoding.UTF8.GetByteCount(WebRootFixture.IndexHtml).ToString(),
            $"HEAD /index.html got {head}; expected 200 and the Content-Length a GET would have.");
        Assert.True(next.Status == 200 && next.BodyText == "p { color: teal }\n",
            $"After the HEAD, the next answer on the connection read as {next}. A HEAD's answer has no body: if one was sent, the client reads it as the start of the next answer.");
    }

    [Fact(DisplayName = "A missing file is 404; POST is 405 with Allow; the connection stays open")]
    public async Task A_missing_file_is_404_and_POST_is_405()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP client");
        await peer.SendAsync(HttpWire.Ascii(HttpWire.Request("/nothing-here.html")));
        var missing = await HttpWire.ReadResponseAsync(peer, "GET /nothing-here.html");
        await peer.SendAsync(HttpWire.Ascii("POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"));
        var post = await HttpWire.ReadResponseAsync(peer, "POST /index.html (after a 404 on the same connection)");

        Assert.True(missing.Status == 404, $"GET /nothing-here.html got {missing}; expected 404 Not Found.");
        Assert.True(post.Status == 405, $"POST /index.html got {post}; a static file server serves GET and HEAD only: 405 Method Not Allowed.");
        var allow = post.Header("Allow") ?? "";
        Assert.True(allow.Contains("GET") && allow.Contains("HEAD"), $"A 405 must say what is allowed: Allow was {Show.Text(post.Header("Allow"))}, expected \"GET, HEAD\".");
    }

    [Fact(DisplayName = "Content-Type comes from the extension")]
    public async Task Content_type_comes_from_the_extension()
    {
        using var run = ServerRun.Start();
        foreach (var (path, type) in new[] { ("/style.css", "text/css; charset=utf-8"), ("/app.js", "text/javascript; charset=utf-8"),
                                             ("/pixel.png", "image/png"), ("/data.bin", "application/octet-stream"), ("/docs/a%20b.txt", "text/plain; charset=utf-8") })
        {
            var response = await HttpWire.OneRequestAsync(run.EndPoint, HttpWire.Request(path), $"GET {path}");
            Assert.True(response.Status == 200 && response.Header("Content-Type") == type,
                $"GET {path} got {response}; expected 200 with Content-Type {type} (from ContentTypes.For; %20 in the path is a space in the file name).");
        }
    }

    [Fact(DisplayName = "A request line over the limit gets a 414 answer, then a close")]
    public async Task A_request_line_over_the_limit_gets_a_414_answer()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP client");
        await peer.SendAsync(HttpWire.Ascii("GET /" + new string('a', 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        var response = await HttpWire.ReadResponseAsync(peer, "the answer to a 9000-byte request line");

        Assert.True(response.Status == 414 && response.Header("Connection") == "close",
            $"A 9000-byte request line got {response}; expected 414 URI Too Long with Connection: close. The reader's HttpError carries the status: answer it.");
        await peer.ExpectEndOfStreamAsync("after refusing a request the server closes the connection");
    }

    [Fact(DisplayName = "A malformed request gets a 400 answer, and the server serves the next client")]
    public async Task A_malformed_request_gets_400_and_the_server_goes_on()
    {
        using var run = ServerRun.Start();
        var bad = await HttpWire.OneRequestAsync(run.EndPoint, "HELLO\r\n\r\n", "the answer to \"HELLO\"");
        var good = await HttpWire.OneRequestAsync(run.EndPoint, HttpWire.Request("/"), "GET / from the next client");

        Assert.True(bad.Status == 400, $"\"HELLO\\r\\n\\r\\n\" got {bad}; expected 400 Bad Request.");
        Assert.True(good.Status == 200, $"After one client's bad request, the next client's GET / got {good}; one bad client must not stop the server.");
    }

    [Fact(DisplayName = "A slow client does not hold up the others")]
    public async Task A_slow_client_does_not_hold_up_the_others()
    {
        using var run = ServerRun.Start();
        using var slow = await LoopbackPeer.ConnectAsync(run.EndPoint, "a slow client (half a request sent)");
        await slow.SendAsync(HttpWire.Ascii("GET / HTTP/1.1\r\nHo"));
        var other = await HttpWire.OneRequestAsync(run.EndPoint, HttpWire.Request("/style.css"), "GET /style.css while another client is mid-request");

        Assert.True(other.Status == 200, $"With one client stuck mid-request, another client's GET got {other}; serve each connection on its own task.");
    }
}
