using System.Text;

namespace SocketCourse.Browser.Tests;

// The limits of a frame and a message, each at its edge, and the end of the stream inside and between messages. Found by
// mutation testing (.ci/mutation): no grader sent a control frame of exactly 125 bytes, a fragmented close frame, a
// message of exactly the limit, a message over the limit only in total, or a reserved opcode, or ended the stream inside a
// message.

/// <summary>Step 3: the 125-byte control frame, the message limit at its edge and across fragments, the stream's end.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "3")]
public sealed class Step3_FrameLimitEdgesTests
{
    [Fact(DisplayName = "A ping of exactly 125 bytes is answered with a 125-byte pong")]
    public async Task A_ping_of_125_bytes_is_answered()
    {
        using var end = await ServerEnd.OpenAsync();
        var payload = Enumerable.Range(0, 125).Select(i => (byte)i).ToArray();
        await end.Grader.SendAsync(RawFrames.Client(0x9, payload));
        var receiving = CodeUnderTest.Start(() => end.Connection.ReceiveTextAsync());
        var pong = await CodeUnderTest.WhileRunning(receiving, () => RawFrames.ReadAsync(end.Grader, "the pong answering a 125-byte ping"));
        Assert.True(pong.Opcode == 0xA && pong.Payload.AsSpan().SequenceEqual(payload),
            $"A ping of 125 bytes (the most a control frame may carry) was answered with opcode 0x{pong.Opcode:X} and {pong.Payload.Length} bytes; " +
            "expected a pong (0xA) with the same 125 bytes. Only more than 125 is a protocol error.");
        await end.Grader.SendAsync(ServerEnd.Close(1000));
        await CodeUnderTest.Finish(receiving, "ReceiveTextAsync to end with the close frame after the ping");
    }

    [Fact(DisplayName = "A close frame without FIN is answered with 1002")]
    public async Task A_fragmented_close_frame_is_1002()
    {
        using var end = await ServerEnd.OpenAsync();
        var sent = await end.RefusalAfterAsync(RawFrames.Client(0x8, [0x03, 0xE8], fin: false), "a close frame with FIN unset (a close frame is a control frame too)");
        Assert.True(sent == 1002, $"A fragmented close frame was answered with {RawFrames.CloseName(sent)}, expected close 1002: control frames (opcodes 0x8 to 0xF) are never fragmented.");
    }

    [Theory(DisplayName = "A reserved opcode is answered with 1002")]
    [InlineData(0x3)]
    [InlineData(0xB)]
    public async Task A_reserved_opcode_is_1002(int opcode)
    {
        using var end = await ServerEnd.OpenAsync();
        var sent = await end.RefusalAfterAsync(RawFrames.Client(opcode, [1, 2, 3]), $"a frame with the reserved opcode 0x{opcode:X}");
        Assert.True(sent == 1002, $"A frame with opcode 0x{opcode:X} (reserved: 3-7 and 0xB-0xF mean nothing yet) was answered with {RawFrames.CloseName(sent)}, expected close 1002.");
    }

    [Fact(DisplayName = "A message of exactly the limit is received, in one frame or in two")]
    public async Task A_message_of_exactly_the_limit_is_received()
    {
        using var end = await ServerEnd.OpenAsync(maxMessageBytes: 10);
        var whole = await end.ReceiveAfterAsync(RawFrames.Text("0123456789"), "a 10-byte message with a 10-byte limit");
        var split = await end.ReceiveAfterAsync([.. RawFrames.Text("abcde", fin: false), .. RawFrames.Client(0x0, Encoding.ASCII.GetBytes("fghij"))],
            "a 10-byte message in two fragments with a 10-byte limit");
        Assert.True(whole == "0123456789" && split == "abcdefghij",
            $"With maxMessageBytes 10, a 10-byte message came out as {Show.Text(whole ?? "null")} and one in two 5-byte fragments as {Show.Text(split ?? "null")}; " +
            "the limit itself is allowed, only more is too big.");
    }

    [Fact(DisplayName = "A message over the limit only in total is answered with 1009")]
    public async Task A_message_over_the_limit_in_total_is_1009()
    {
        using var end = await ServerEnd.OpenAsync(maxMessageBytes: 10);
        var sent = await end.RefusalAfterAsync([.. RawFrames.Text("abcdef", fin: false), .. RawFrames.Client(0x0, Encoding.ASCII.GetBytes("ghijk"))],
            "a message of two fragments (6 and 5 bytes) with a 10-byte limit");
        Assert.True(sent == 1009, $"Two fragments of 6 and 5 bytes with a 10-byte limit were answered with {RawFrames.CloseName(sent)}, expected close 1009: " +
            "the limit is for all the fragments together.");
    }

    [Fact(DisplayName = "A 64-bit length of 2^63 - 1 is over the limit (1009), not a protocol error")]
    public async Task The_largest_legal_length_is_1009()
    {
        using var end = await ServerEnd.OpenAsync();
        byte[] header = [0x81, 0x80 | 127, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        var sent = await end.RefusalAfterAsync(header, "a text frame claiming 2^63 - 1 bytes (the most significant bit clear)");
        Assert.True(sent == 1009, $"A length of 2^63 - 1 was answered with {RawFrames.CloseName(sent)}, expected close 1009: only a length with the most " +
            "significant bit set is malformed (1002); this one is legal and merely too big.");
    }

    [Fact(DisplayName = "The stream ending between messages is null; inside a message it is an EndOfStreamException")]
    public async Task The_end_of_the_stream_between_and_inside_messages()
    {
        using (var between = await ServerEnd.OpenAsync())
        {
            await between.Grader.SendAsync(RawFrames.Text("one"));
            between.Grader.ShutdownSend();
            var first = await CodeUnderTest.Finish(CodeUnderTest.Start(() => between.Connection.ReceiveTextAsync()), "the message before the end");
            var next = await CodeUnderTest.Finish(CodeUnderTest.Start(() => between.Connection.ReceiveTextAsync()), "ReceiveTextAsync after the stream ended");
            Assert.True(first == "one" && next is null,
                $"The peer sent \"one\" and closed its side; ReceiveTextAsync gave {Show.Text(first ?? "null")}, then {(next is null ? "null" : Show.Text(next))}; " +
                "expected \"one\", then null: a stream that ends between messages is a plain end.");
        }
        using var inside = await ServerEnd.OpenAsync();
        await inside.Grader.SendAsync(RawFrames.Text("hal", fin: false));
        inside.Grader.ShutdownSend();
        await Expect.Throws<EndOfStreamException>(CodeUnderTest.Start(() => inside.Connection.ReceiveTextAsync()),
            "the stream ended after the first fragment of a message (FIN unset): the message is cut off");
    }
}
