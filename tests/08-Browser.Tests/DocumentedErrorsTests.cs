using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Browser.Tests;

// The exceptions the stubs' docs promise, each provoked once. Found by mutation testing (.ci/mutation): removing any
// of these checks went unnoticed before.

/// <summary>Step 2: the response head refuses what it cannot write as one line; the web root must exist; a failed start leaves nothing open.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step2_DocumentedErrorsTests
{
    [Fact(DisplayName = "Head refuses a status code that is not three digits")]
    public void Head_refuses_a_status_code_that_is_not_three_digits()
    {
        foreach (var code in new[] { 99, 1000 })
            Expect.Throws<ArgumentOutOfRangeException>(() => HttpResponseWriter.Head(code, []),
                $"{code} is not a three-digit status code: the status line would be malformed");
        var first = Encoding.ASCII.GetString(HttpResponseWriter.Head(100, []));
        Assert.True(first.StartsWith("HTTP/1.1 100 ", StringComparison.Ordinal), $"Head(100, []) gave {Show.Text(first)}; 100 is three digits.");
        var last = Encoding.ASCII.GetString(HttpResponseWriter.Head(999, []));
        Assert.True(last.StartsWith("HTTP/1.1 999 ", StringComparison.Ordinal), $"Head(999, []) gave {Show.Text(last)}; 999 is three digits too.");
    }

    [Theory(DisplayName = "Head refuses a header that cannot be one header line")]
    [InlineData("", "v", "an empty name")]
    [InlineData("Bad Name", "v", "a space in the name")]
    [InlineData("Bad\tName", "v", "a tab in the name")]
    [InlineData("Host:", "v", "a colon in the name")]
    [InlineData("Caf\u00e9", "v", "a non-ASCII character in the name")]
    [InlineData("Del\u007f", "v", "a DEL character in the name")]
    [InlineData("X-A", "1\r\nSet-Cookie: evil=1", "CR LF in the value (a header injection)")]
    [InlineData("X-A", "1\rtwo", "a bare CR in the value")]
    [InlineData("X-A", "1\ntwo", "a bare LF in the value")]
    public void Head_refuses_a_header_that_cannot_be_one_line(string name, string value, string what) =>
        Expect.Throws<ArgumentException>(() => HttpResponseWriter.Head(200, [new(name, value)]),
            $"a header with {what} cannot be written as one header line");

    [Fact(DisplayName = "Head writes the headers it is given, punctuation and all")]
    public void Head_writes_the_headers_it_is_given()
    {
        var head = Encoding.ASCII.GetString(HttpResponseWriter.Head(404, [new("X-Token_1!", "a:b c\td"), new("Z", "")]));
        Assert.True(head == "HTTP/1.1 404 Not Found\r\nX-Token_1!: a:b c\td\r\nZ: \r\n\r\n",
            $"Head(404, [X-Token_1!: a:b c<TAB>d, Z: (empty)]) gave {Show.Text(head)}. A name may hold any visible ASCII but ':'; a value may hold " +
            "colons, spaces and tabs, and may be empty; only CR and LF are refused.");
    }

    [Fact(DisplayName = "A web root that does not exist is a DirectoryNotFoundException")]
    public void A_web_root_that_does_not_exist_is_a_DirectoryNotFoundException()
    {
        var missing = Path.Combine(Path.GetTempPath(), "socketcourse-no-such-root-" + Guid.NewGuid().ToString("N"));
        Expect.Throws<DirectoryNotFoundException>(() => _ = new WebRoot(missing), $"{missing} does not exist: there is nothing to serve");
    }

    [Fact(DisplayName = "StaticFileServer.Start on a taken port throws and leaves nothing open")]
    public void StaticFileServer_Start_on_a_taken_port_throws_and_leaves_nothing_open()
    {
        using var files = new WebRootFixture();
        using var taken = LoopbackListener.Start();

        Expect.Throws<SocketException>(() => new StaticFileServer(files.Root, taken.EndPoint).Start(),
            $"{taken.EndPoint} is held by the grader's listener: Bind fails, and Start must let that SocketException out");
        SocketLeaks.ExpectNothingLeftOpen(() => new StaticFileServer(files.Root, taken.EndPoint).Start(),
            $"StaticFileServer.Start on {taken.EndPoint}, a port that is taken,");
    }
}

/// <summary>Step 3: frames that cannot be encoded, a mask key of the wrong size, and a send after our close.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "3")]
public sealed class Step3_DocumentedErrorsTests
{
    [Fact(DisplayName = "Encode refuses a mask key of the wrong size and a control frame that breaks the rules")]
    public void Encode_refuses_a_bad_mask_key_and_a_bad_control_frame()
    {
        var hello = new WebSocketFrame(true, WebSocketOpcode.Text, Encoding.ASCII.GetBytes("Hello"));
        Expect.Throws<ArgumentException>(() => WebSocketFrameCodec.Encode(hello, new byte[3]), "a mask key has 4 bytes (or none), not 3");
        Expect.Throws<ArgumentException>(() => WebSocketFrameCodec.Encode(hello, new byte[5]), "a mask key has 4 bytes (or none), not 5");
        Expect.Throws<ArgumentException>(() => WebSocketFrameCodec.Encode(new WebSocketFrame(false, WebSocketOpcode.Ping, []), []),
            "a control frame (ping) is never fragmented: FIN must be set");
        Expect.Throws<ArgumentException>(() => WebSocketFrameCodec.Encode(new WebSocketFrame(true, WebSocketOpcode.Close, new byte[126]), []),
            "a control frame carries at most 125 bytes");
        var largest = WebSocketFrameCodec.Encode(new WebSocketFrame(true, WebSocketOpcode.Pong, new byte[125]), []);
        Assert.True(largest.Length == 127 && largest[1] == 125,
            $"A pong of 125 bytes (the most a control frame may carry) encoded as {largest.Length} bytes with length byte {largest[1]}; expected 127 bytes, length 125.");
    }

    [Fact(DisplayName = "ApplyMask refuses a key that does not have 4 bytes")]
    public void ApplyMask_refuses_a_key_that_does_not_have_4_bytes()
    {
        Expect.Throws<ArgumentException>(() => WebSocketFrameCodec.ApplyMask(new byte[8], new byte[3]), "a mask key has exactly 4 bytes");
        Expect.Throws<ArgumentException>(() => WebSocketFrameCodec.ApplyMask(new byte[8], []), "an empty key is not a mask key");
    }

    [Fact(DisplayName = "SendTextAsync after our close frame is an InvalidOperationException")]
    public async Task SendTextAsync_after_our_close_is_an_InvalidOperationException()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var connection = new WebSocketConnection(new NetworkStream(pair.Learner, ownsSocket: false), isServer: true);
        await CodeUnderTest.Finish(connection.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye"), "CloseAsync to send the close frame");
        await Expect.Throws<InvalidOperationException>(CodeUnderTest.Start(() => connection.SendTextAsync("too late")),
            "after our close frame no message may follow (RFC 6455, 5.5.1)");
    }
}

/// <summary>Graders that count the process's sockets run alone, so other graders' sockets do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "counts the process's sockets";
}
