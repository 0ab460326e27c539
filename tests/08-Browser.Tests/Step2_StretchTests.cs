namespace SocketCourse.Browser.Tests;

/// <summary>Step 2, for the keen.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
[Trait("Stretch", "true")]
public sealed class Step2_StretchTests
{
    [Fact(DisplayName = "A symbolic link inside the root to a file inside the root is served")]
    public async Task A_link_inside_the_root_is_served()
    {
        using var run = ServerRun.Start();
        if (!run.Files.TryLink("home.html", Path.Combine(run.Files.Root, "index.html"), directory: false, out var why)) Assert.Skip(why);
        var response = await HttpWire.OneRequestAsync(run.EndPoint, HttpWire.Request("/home.html"), "GET /home.html");
        Assert.True(response.Status == 200 && response.BodyText == WebRootFixture.IndexHtml,
            $"GET /home.html (a link to index.html, inside the root) got {response}; links are refused only when they lead out.");
    }

    [Fact(DisplayName = "HTTP/1.0 without keep-alive is answered, then closed")]
    public async Task HTTP_1_0_is_closed_after_the_answer()
    {
        using var run = ServerRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.EndPoint, "the grader's HTTP/1.0 client");
        await peer.SendAsync(HttpWire.Ascii("GET / HTTP/1.0\r\n\r\n"));
        var response = await HttpWire.ReadResponseAsync(peer, "GET / HTTP/1.0");
        Assert.True(response.Status == 200 && response.Header("Connection") == "close", $"An HTTP/1.0 GET got {response}; HTTP/1.0 closes unless the client asks for keep-alive.");
        await peer.ExpectCleanCloseAsync("HTTP/1.0 without Connection: keep-alive");
    }

    [Fact(DisplayName = "Stop closes the connections and frees the port")]
    public async Task Stop_closes_connections_and_frees_the_port()
    {
        var run = ServerRun.Start();
        var endPoint = run.EndPoint;
        using var idle = await LoopbackPeer.ConnectAsync(endPoint, "an idle keep-alive client");
        await idle.SendAsync(HttpWire.Ascii(HttpWire.Request("/style.css")));
        await HttpWire.ReadResponseAsync(idle, "GET /style.css");
        await CodeUnderTest.Finish(CodeUnderTest.Start(() => Task.Run(run.Dispose)), "Stop(2 s) to return", TimeSpan.FromSeconds(5));
        await idle.ExpectEndOfStreamAsync("Stop closes every connection");
        using var again = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        var bind = Record.Exception(() => again.Bind(endPoint));
        Assert.True(bind is null, $"After Stop, binding {endPoint} again failed: {bind?.Message}. Stop must close the listener.");
    }
}
