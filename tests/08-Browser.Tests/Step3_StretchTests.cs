using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>Step 3, for the keen: the rarer protocol errors.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "3")]
[Trait("Stretch", "true")]
public sealed class Step3_StretchTests
{
    private static async Task ExpectClose(byte[] frames, int code, string what)
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            using var peer = await RawFrames.OpenAsync(echo.EndPoint);
            await peer.SendAsync(frames);
            var got = await RawFrames.ExpectCloseAsync(peer, $"the close frame answering {what}");
            Assert.True(got == code, $"Sent {what}; the server answered {RawFrames.CloseName(got)}, expected {RawFrames.CloseName(code)}.");
        });
    }

    [Fact(DisplayName = "A continuation frame with nothing to continue is answered with 1002")]
    public Task A_stray_continuation_is_1002() => ExpectClose(RawFrames.Client(0x0, Encoding.ASCII.GetBytes("orphan")), 1002, "a continuation frame with no message begun");

    [Fact(DisplayName = "A reserved bit is answered with 1002")]
    public Task A_reserved_bit_is_1002() => ExpectClose(RawFrames.Client(0x41, Encoding.ASCII.GetBytes("rsv1")), 1002, "a text frame with RSV1 set (no extension agreed)");

    [Fact(DisplayName = "A binary message is answered with 1003")]
    public Task A_binary_message_is_1003() => ExpectClose(RawFrames.Client(0x2, [1, 2, 3]), 1003, "a binary message to an endpoint that takes text only");

    [Fact(DisplayName = "A close frame with code 1005 on the wire is answered with 1002")]
    public Task Close_1005_is_1002() => ExpectClose(RawFrames.Client(0x8, [0x03, 0xED]), 1002, "a close frame carrying 1005, a code that may never be sent");

    [Fact(DisplayName = "A ping between two fragments is answered and the message still arrives")]
    public async Task A_ping_between_fragments()
    {
        await using var echo = EchoOverLearnerCode.Start();
        await CodeUnderTest.WhileRunning(echo.Running, async () =>
        {
            using var peer = await RawFrames.OpenAsync(echo.EndPoint);
            await peer.SendAsync((byte[])[.. RawFrames.Text("ab", fin: false), .. RawFrames.Client(0x9, [7]), .. RawFrames.Client(0x0, Encoding.ASCII.GetBytes("cd"))]);
            var pong = await RawFrames.ReadAsync(peer, "the pong");
            var text = await RawFrames.ReadAsync(peer, "the echo of \"abcd\"");
            Assert.True(pong.Opcode == 0xA && text.Opcode == 0x1 && Encoding.UTF8.GetString(text.Payload) == "echo: abcd",
                $"Sent \"ab\" (FIN=0), a ping, then \"cd\" (continuation, FIN=1); got opcode 0x{pong.Opcode:X} then 0x{text.Opcode:X} {Show.Bytes(text.Payload)}.");
        });
    }
}
