using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>Step 3: the WebSocket handshake and frames, against the BCL's ClientWebSocket and raw bytes.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "3")]
public sealed class Step3_WebSocketTests
{
    private static Uri Ws(EchoOverLearnerCode echo) => new($"ws://{echo.EndPoint}/chat");

    private static async Task<ClientWebSocket> ConnectClient(EchoOverLearnerCode echo)
    {
        var client = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(Deadlines.Default);
        try { await client.ConnectAsync(Ws(echo), deadline.Token); }
        catch (WebSocketException e)
        {
            client.Dispose();
            throw new GradingException($"ClientWebSocket could not open {Ws(echo)}: {e.Message}. Its handshake is GET with Upgrade: websocket, " +
                "Connection: Upgrade, Sec-WebSocket-Version: 13 and a Sec-WebSocket-Key; it expects \"HTTP/1.1 101 Switching Protocols\" with " +
                "Sec-WebSocket-Accept = base64(SHA-1(key + GUID)).", e);
        }
        catch (OperationCanceledException)
        {
            client.Dispose();
            throw Deadlines.TimedOut(Deadlines.Default, "ClientWebSocket's handshake with the learner's server");
        }
        return client;
    }

    private static async Task<string> Receive(ClientWebSocket client, string awaited)
    {
        using var deadline = new CancellationTokenSource(Deadlines.Default);
        var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await client.ReceiveAsync(buffer, deadline.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    throw new GradingException($"Waiting for {awaited}, ClientWebSocket got a close frame ({result.CloseStatus}: {Show.Text(result.CloseStatusDescription)}).");
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
            }
        }
        catch (OperationCanceledException) { throw Deadlines.TimedOut(Deadlines.Default, awaited); }
        catch (WebSocketException e) { throw new GradingException($"Waiting for {awaited}, ClientWebSocket failed: {e.Message} ({e.WebSocketErrorCode}).", e); }
    }

    private static async Task Send(ClientWebSocket client, string text, bool endOfMessage = true)
    {
        using var deadline = new CancellationTokenSource(Deadlines.Default);
        await client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage, deadline.Token);
    }

    [Fact(DisplayName = "Sec-WebSocket-Accept is base64(SHA-1(key + GUID))")]
    public void The_accept_value_is_the_hash_of_key_and_GUID()
    {
        // The example of RFC 6455, section 1.3.
        var accept = WebSocketHandshake.ComputeAccept("dGhlIHNhbXBsZSBub25jZQ==");
        Assert.True(accept == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
            $"ComputeAccept(\"dGhlIHNhbXBsZSBub25jZQ==\") returned {Show.Text(accept)}, expected \"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\": append the GUID " +
            "to the key as it came (do not decode it), hash the ASCII bytes with SHA-1, and base64 the 20-byte hash.");
    }

    [Fact(DisplayName = "ClientWebSocket connects, exchanges a message, and closes with 1000")]
    public async Task ClientWebSocket_exchanges_a_message_and_closes()
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            using var client = await ConnectClient(echo);
            await Send(client, "hello, 世界");
            var reply = await Receive(client, "the echo of \"hello, 世界\"");
            Assert.True(reply == "echo: hello, 世界", $"Sent \"hello, 世界\"; the echo came back as {Show.Text(reply)}, expected \"echo: hello, 世界\". Unmask the client's payload (byte i XOR key[i % 4]).");

            using var deadline = new CancellationTokenSource(Deadlines.Default);
            try { await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                throw new GradingException($"ClientWebSocket sent close 1000 and the close handshake did not complete: {e.Message}. Answer a close frame with a close frame carrying the same code.", e);
            }
            Assert.True(client.CloseStatus == WebSocketCloseStatus.NormalClosure,
                $"ClientWebSocket sent close 1000; the server's close frame said {client.CloseStatus?.ToString() ?? "nothing"}. Echo the code it received.");
        });
    }

    [Fact(DisplayName = "Messages of 200 and 70 000 bytes use the 16- and 64-bit lengths both ways")]
    public async Task Long_messages_use_16_and_64_bit_lengths()
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            using var client = await ConnectClient(echo);
            foreach (var size in new[] { 125, 126, 200, 65535, 70_000 })
            {
                var text = new string('x', size - 1) + "!";
                await Send(client, text);
                var reply = await Receive(client, $"the echo of a {size}-byte message");
                Assert.True(reply == "echo: " + text,
                    $"Sent a {size}-byte message; the echo had {Encoding.UTF8.GetByteCount(reply)} bytes, expected {size + 6}. Lengths 126 to 65535 take the " +
                    "16-bit form (127 in the 7 bits, then 2 bytes big-endian), longer ones the 64-bit form (127, then 8 bytes), on reading and on writing.");
            }
        });
    }

    [Fact(DisplayName = "A message in three fragments is one message")]
    public async Task A_fragmented_message_is_one_message()
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            using var client = await ConnectClient(echo);
            await Send(client, "one ", endOfMessage: false);
            await Send(client, "two ", endOfMessage: false);
            await Send(client, "three");
            var reply = await Receive(client, "the echo of a message sent in three fragments");
            Assert.True(reply == "echo: one two three",
                $"Sent \"one \", \"two \", \"three\" as one message in three frames (FIN only on the last, opcodes text, continuation, continuation); the echo was {Show.Text(reply)}, expected \"echo: one two three\".");
        });
    }

    [Fact(DisplayName = "A ping is answered with a pong carrying its payload")]
    public async Task A_ping_gets_a_pong()
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            using var peer = await RawFrames.OpenAsync(echo.EndPoint);
            await peer.SendAsync(RawFrames.Client(0x9, Encoding.ASCII.GetBytes("are you there?")));
            var (fin, opcode, payload) = await RawFrames.ReadAsync(peer, "the pong answering a ping");
            Assert.True(fin && opcode == 0xA && Encoding.ASCII.GetString(payload) == "are you there?",
                $"Sent a ping with \"are you there?\"; got a frame with opcode 0x{opcode:X}, FIN={fin}, payload {Show.Bytes(payload)}; expected a pong (0xA) with the same payload.");
        });
    }

    [Theory(DisplayName = "A handshake without a key or with the wrong version is refused over HTTP")]
    [InlineData("", "13", 400, "without Sec-WebSocket-Key")]
    [InlineData("dGhlIHNhbXBsZSBub25jZQ==", "8", 426, "with Sec-WebSocket-Version: 8")]
    [InlineData("c2hvcnQ=", "13", 400, "with a key that is not 16 bytes in base64")]
    public async Task A_bad_handshake_is_refused_over_HTTP(string key, string version, int status, string what)
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            var response = await HttpWire.OneRequestAsync(echo.EndPoint, RawFrames.UpgradeRequest(key, version), $"an upgrade request {what}");
            Assert.True(response.Status == status, $"An upgrade request {what} got {response}; expected {status} {HttpStatus.Reason(status)}: until the 101, it is all HTTP.");
            if (status == 426)
                Assert.True(response.Header("Sec-WebSocket-Version") == "13", $"A 426 tells the client which version to use: Sec-WebSocket-Version was {Show.Text(response.Header("Sec-WebSocket-Version"))}, expected 13.");
        });
    }

    private static async Task ExpectClose(byte[] frames, int code, string what, string why)
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            using var peer = await RawFrames.OpenAsync(echo.EndPoint);
            await peer.SendAsync(frames);
            var got = await RawFrames.ExpectCloseAsync(peer, $"the close frame answering {what}");
            Assert.True(got == code, $"Sent {what}; the server answered {RawFrames.CloseName(got)}, expected {RawFrames.CloseName(code)}. {why}");
            await peer.ExpectEndOfStreamAsync($"after the close frame answering {what} the connection ends");
        });
    }

    [Fact(DisplayName = "An unmasked client frame is answered with close 1002")]
    public Task An_unmasked_frame_is_1002() =>
        ExpectClose(RawFrames.Text("not masked", masked: false), 1002, "an unmasked text frame",
            "Every frame from a client must be masked (RFC 6455, 5.1): a server closes the connection with 1002 protocol error.");

    [Fact(DisplayName = "A length claim of 2^63 is answered with close 1002")]
    public Task A_2_63_length_is_1002() =>
        ExpectClose([0x81, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 1002, "a text frame whose 64-bit length has its most significant bit set",
            "The most significant bit of a 64-bit length must be 0; read it as unsigned and refuse it before allocating anything.");

    [Fact(DisplayName = "A fragmented ping is answered with close 1002")]
    public Task A_fragmented_ping_is_1002() =>
        ExpectClose(RawFrames.Client(0x9, Encoding.ASCII.GetBytes("half"), fin: false), 1002, "a ping with FIN=0",
            "Control frames (close, ping, pong) may not be fragmented: they can arrive between a message's fragments, so they must be whole.");

    [Fact(DisplayName = "Invalid UTF-8 in a text message is answered with close 1007")]
    public Task Invalid_UTF8_is_1007() =>
        ExpectClose(RawFrames.Client(0x1, [0x68, 0x69, 0xC3, 0x28]), 1007, "a text frame holding the bytes 68 69 C3 28 (C3 starts a 2-byte character, 28 does not continue it)",
            "A text message must be valid UTF-8 (decode it strictly, all fragments together): 1007 invalid payload data.");

    [Fact(DisplayName = "A frame over the limit is answered with close 1009 before its payload comes")]
    public Task A_frame_over_the_limit_is_1009() =>
        ExpectClose([0x81, 0xFF, 0, 0, 0, 0, 0, 0x03, 0x0D, 0x40, 1, 2, 3, 4], 1009, "only the header of a masked text frame announcing 200 000 bytes (the limit is 100 000)",
            "Judge the length when it arrives: waiting for 200 000 bytes that never come, or allocating them, is what the limit is there to prevent.");

    [Fact(DisplayName = "Frames encode with the shortest length form, masked when a key is given")]
    public void Frames_encode_with_the_shortest_length()
    {
        var small = WebSocketFrameCodec.Encode(new WebSocketFrame(true, WebSocketOpcode.Text, Encoding.ASCII.GetBytes("Hello")), []);
        Assert.True(small.AsSpan().SequenceEqual(new byte[] { 0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F }),
            $"Encoded an unmasked FIN text frame \"Hello\" as {Show.Bytes(small)}; expected 81 05 48 65 6C 6C 6F (FIN|text, length 5, the bytes).");

        var medium = WebSocketFrameCodec.Encode(new WebSocketFrame(false, WebSocketOpcode.Binary, new byte[256]), []);
        Assert.True(medium.Length == 4 + 256 && medium[0] == 0x02 && medium[1] == 126 && medium[2] == 1 && medium[3] == 0,
            $"Encoded a 256-byte binary frame without FIN as {Show.Bytes(medium, 8)} ({medium.Length} bytes); expected 02 7E 01 00 and the 256 bytes.");

        var large = WebSocketFrameCodec.Encode(new WebSocketFrame(true, WebSocketOpcode.Binary, new byte[65536]), []);
        Assert.True(large.Length == 10 + 65536 && large[1] == 127 && large.AsSpan(2, 8).SequenceEqual(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0 }),
            $"Encoded a 65 536-byte frame as {Show.Bytes(large, 12)}; expected 82 7F 00 00 00 00 00 01 00 00 (the 64-bit form, big-endian).");

        byte[] key = [0x37, 0xFA, 0x21, 0x3D];
        var masked = WebSocketFrameCodec.Encode(new WebSocketFrame(true, WebSocketOpcode.Text, Encoding.ASCII.GetBytes("Hello")), key);
        Assert.True(masked.AsSpan().SequenceEqual(new byte[] { 0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58 }),
            $"Encoded \"Hello\" masked with 37 FA 21 3D as {Show.Bytes(masked)}; expected RFC 6455's example 81 85 37 FA 21 3D 7F 9F 4D 51 58 (mask bit, key, XORed payload).");
    }

    [Fact(DisplayName = "As a client, the connection masks what it sends and reads a server's frames")]
    public async Task As_a_client_the_connection_masks()
    {
        using var pair = await ConnectedPair.OpenAsync();
        using var server = WebSocket.CreateFromStream(new NetworkStream(pair.Grader.Socket, ownsSocket: false), isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        var learner = new WebSocketConnection(new NetworkStream(pair.Learner, ownsSocket: false), isServer: false);
        var talking = CodeUnderTest.Start(async () =>
        {
            await learner.SendTextAsync("from the client");
            return await learner.ReceiveTextAsync();
        });
        await CodeUnderTest.WhileRunning(talking, async () =>
        {
            using var deadline = new CancellationTokenSource(Deadlines.Default);
            var buffer = new byte[256];
            WebSocketReceiveResult result;
            try { result = await server.ReceiveAsync(buffer, deadline.Token); }
            catch (WebSocketException e)
            {
                throw new GradingException($"The BCL's server-side WebSocket refused the learner's client frame: {e.Message}. A client masks every frame with a fresh 4-byte key.", e);
            }
            Assert.True(Encoding.UTF8.GetString(buffer, 0, result.Count) == "from the client",
                $"The BCL's server received {Show.Bytes(buffer.AsSpan(0, result.Count))} from the learner's client connection, expected \"from the client\".");
            await server.SendAsync(Encoding.UTF8.GetBytes("from the server"), WebSocketMessageType.Text, true, deadline.Token);
        });
        var reply = await CodeUnderTest.Finish(talking, "ReceiveTextAsync on the client's end to return the server's message");
        Assert.True(reply == "from the server", $"The client's ReceiveTextAsync returned {Show.Text(reply)}, expected \"from the server\" (servers send unmasked frames).");
    }

    [Fact(DisplayName = "CloseAsync sends the status and reason; the peer's answer ends ReceiveTextAsync")]
    public async Task CloseAsync_sends_status_and_reason()
    {
        using var pair = await ConnectedPair.OpenAsync();
        using var client = WebSocket.CreateFromStream(new NetworkStream(pair.Grader.Socket, ownsSocket: false), isServer: false, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        var learner = new WebSocketConnection(new NetworkStream(pair.Learner, ownsSocket: false), isServer: true);
        var closing = CodeUnderTest.Start(async () =>
        {
            await learner.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server going away");
            return await learner.ReceiveTextAsync();
        });
        await CodeUnderTest.WhileRunning(closing, async () =>
        {
            using var deadline = new CancellationTokenSource(Deadlines.Default);
            var result = await client.ReceiveAsync(new byte[256], deadline.Token);
            Assert.True(result.MessageType == WebSocketMessageType.Close && result.CloseStatus == WebSocketCloseStatus.EndpointUnavailable &&
                        result.CloseStatusDescription == "server going away",
                $"After CloseAsync(1001, \"server going away\") the BCL client received {result.MessageType} {result.CloseStatus} {Show.Text(result.CloseStatusDescription)}; " +
                "a close frame's payload is the code (2 bytes, big-endian) then the reason in UTF-8.");
            await client.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "", deadline.Token);
        });
        var after = await CodeUnderTest.Finish(closing, "ReceiveTextAsync to return null once the peer answered the close");
        Assert.True(after is null, $"After the close handshake ReceiveTextAsync returned {Show.Text(after)}, expected null.");
    }
}
