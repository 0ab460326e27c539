using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace SocketCourse.Browser.Tests;

// The close handshake's edges, on the server's end of one connection. Found by mutation testing (.ci/mutation): no grader
// sent a close code at the edge of a range that may be sent, a 1-byte close payload, or a reason that is not UTF-8, and
// none looked at IsClosed.

/// <summary>The learner's server end of one WebSocket connection, fed raw client frames by the grader.</summary>
internal sealed class ServerEnd : IDisposable
{
    private readonly ConnectedPair _pair;

    private ServerEnd(ConnectedPair pair, long maxMessageBytes)
    {
        _pair = pair;
        Connection = new WebSocketConnection(new NetworkStream(pair.Learner, ownsSocket: false), isServer: true, maxMessageBytes);
    }

    public WebSocketConnection Connection { get; }

    public LoopbackPeer Grader => _pair.Grader;

    public static async Task<ServerEnd> OpenAsync(long maxMessageBytes = WebSocketConnection.DefaultMaxMessageBytes) =>
        new(await ConnectedPair.OpenAsync(), maxMessageBytes);

    /// <summary>Sends <paramref name="frames"/> whole, then lets the learner's code receive once.</summary>
    public async Task<string?> ReceiveAfterAsync(byte[] frames, string awaited)
    {
        await Grader.SendAsync(frames);
        return await CodeUnderTest.Finish(CodeUnderTest.Start(() => Connection.ReceiveTextAsync()), awaited);
    }

    /// <summary>Sends <paramref name="frames"/> whole, expects a protocol error and returns the close code sent for it.</summary>
    public async Task<int?> RefusalAfterAsync(byte[] frames, string what)
    {
        await Grader.SendAsync(frames);
        var error = await Expect.Throws<WebSocketProtocolException>(CodeUnderTest.Start(() => Connection.ReceiveTextAsync()),
            $"{what} is a protocol error: ReceiveTextAsync sends a close frame and throws a WebSocketProtocolException");
        var sent = await RawFrames.ExpectCloseAsync(Grader, $"the close frame answering {what}");
        Assert.True(error.CloseStatus == (WebSocketCloseStatus?)sent,
            $"For {what} the close frame carried {RawFrames.CloseName(sent)} but the exception says {error.CloseStatus}; they should agree.");
        return sent;
    }

    /// <summary>Shuts down the learner's sending side, so that the grader can read everything it sent to the end.</summary>
    public void EndLearnerSending() => _pair.Learner.Shutdown(SocketShutdown.Send);

    public static byte[] Close(int code, params byte[] reason)
    {
        var payload = new byte[2 + reason.Length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)code);
        reason.CopyTo(payload, 2);
        return RawFrames.Client(0x8, payload);
    }

    public void Dispose() => _pair.Dispose();
}

/// <summary>Step 3, for the keen: the codes a close frame may carry, a malformed close payload, and IsClosed.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "3")]
[Trait("Stretch", "true")]
public sealed class Step3_CloseFrameEdgesTests
{
    [Theory(DisplayName = "A close code at the edge of a range that may be sent is answered with the same code")]
    [InlineData(1003)]
    [InlineData(1007)]
    [InlineData(1011)]
    [InlineData(3000)]
    [InlineData(4999)]
    public async Task A_close_code_at_a_range_edge_is_answered_with_the_same_code(int code)
    {
        using var end = await ServerEnd.OpenAsync();
        var received = await end.ReceiveAfterAsync(ServerEnd.Close(code), $"ReceiveTextAsync after a close frame with {code}");
        var answer = await RawFrames.ExpectCloseAsync(end.Grader, $"the answer to a close frame with {code}");
        Assert.True(received is null && answer == code && (int?)end.Connection.CloseStatus == code,
            $"The peer closed with {code}; ReceiveTextAsync returned {(received is null ? "null" : Show.Text(received))}, the answer was " +
            $"{RawFrames.CloseName(answer)} and CloseStatus {end.Connection.CloseStatus?.ToString() ?? "null"}; expected null, {code} and {code}. " +
            "The codes that may be sent are 1000-1003, 1007-1011 and 3000-4999, each range with both its ends (RFC 6455, 7.4).");
    }

    [Fact(DisplayName = "A close frame with a 1-byte payload is answered with 1002")]
    public async Task A_close_frame_with_one_byte_is_1002()
    {
        using var end = await ServerEnd.OpenAsync();
        var sent = await end.RefusalAfterAsync(RawFrames.Client(0x8, [0x03]), "a close frame with a 1-byte payload (a code has 2 bytes)");
        Assert.True(sent == 1002, $"A close frame with a 1-byte payload was answered with {RawFrames.CloseName(sent)}, expected close 1002 (ProtocolError).");
    }

    [Fact(DisplayName = "A close reason that is not valid UTF-8 is answered with 1007")]
    public async Task A_close_reason_that_is_not_UTF8_is_1007()
    {
        using var end = await ServerEnd.OpenAsync();
        var sent = await end.RefusalAfterAsync(ServerEnd.Close(1000, 0x62, 0xFF, 0x65), "a close frame with 1000 and the reason bytes 62 FF 65 (not UTF-8)");
        Assert.True(sent == 1007, $"A close reason that is not valid UTF-8 was answered with {RawFrames.CloseName(sent)}, expected close 1007 (InvalidPayloadData).");
    }

    [Fact(DisplayName = "IsClosed becomes true only when both close frames have passed; one close frame is sent in all")]
    public async Task IsClosed_needs_both_close_frames()
    {
        using var end = await ServerEnd.OpenAsync();
        await CodeUnderTest.Finish(end.Connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye"), "CloseAsync to send our close frame");
        await CodeUnderTest.Finish(end.Connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye"), "a second CloseAsync (it does nothing)");
        Assert.False(end.Connection.IsClosed, "IsClosed was true after only our close frame was sent; the peer's has not come yet.");
        var received = await end.ReceiveAfterAsync(ServerEnd.Close(1000), "ReceiveTextAsync after the peer's close frame");
        Assert.True(received is null && end.Connection.IsClosed,
            $"After our close frame and the peer's, ReceiveTextAsync returned {(received is null ? "null" : Show.Text(received))} and IsClosed was " +
            $"{end.Connection.IsClosed}; expected null and true: both close frames have passed.");

        end.EndLearnerSending();
        var sent = await end.Grader.ReadToEndAsync("everything the learner's end sent");
        Assert.True(sent.Length >= 2 && sent[0] == 0x88 && sent.Length == 2 + (sent[1] & 0x7F),
            $"CloseAsync twice, then the peer's close frame: the learner's end sent {Show.Bytes(sent)}; expected exactly one close frame (88 …). " +
            "A second CloseAsync does nothing, and the peer's close is not answered once ours was sent.");
    }
}
