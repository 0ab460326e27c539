namespace SocketCourse.Browser.Tests;

// "The shortest length form (7-bit up to 125, 16-bit up to 65535, else 64-bit)", at each boundary. Found by mutation
// testing (.ci/mutation): the byte-exact grader encoded 5, 256 and 65,536 bytes, and a form chosen one byte too late
// went unnoticed (ClientWebSocket accepts the longer form).

/// <summary>Step 3: Encode picks the shortest length form at 125/126 and 65,535/65,536 bytes.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "3")]
public sealed class Step3_EncodeLengthBoundariesTests
{
    [Theory(DisplayName = "Encode picks the shortest length form at each boundary")]
    [InlineData(125, 125, 2)]
    [InlineData(126, 126, 4)]
    [InlineData(65535, 126, 4)]
    [InlineData(65536, 127, 10)]
    public void Encode_picks_the_shortest_length_form_at_each_boundary(int payloadBytes, int lengthField, int headerBytes)
    {
        var bytes = WebSocketFrameCodec.Encode(new WebSocketFrame(true, WebSocketOpcode.Binary, new byte[payloadBytes]), []);
        Assert.True(bytes.Length == headerBytes + payloadBytes && (bytes[1] & 0x7F) == lengthField,
            $"A {payloadBytes}-byte payload encoded as {bytes.Length} bytes with {bytes[1] & 0x7F} in the 7-bit length; expected {headerBytes + payloadBytes} bytes " +
            $"and {lengthField}: up to 125 the length fits in 7 bits, up to 65535 it takes 126 and 2 bytes, above that 127 and 8 bytes (the shortest form, RFC 6455 5.2).");
    }
}
