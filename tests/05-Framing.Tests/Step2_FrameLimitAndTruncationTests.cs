namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 2: the writer's limit at its exact edge, and errors that say what they are about: which part of a frame was cut
/// off, and which limit a refused frame broke. Found by mutation testing (.ci/mutation): a writer refusing a frame of
/// exactly the limit, and truncation errors that name no part, went unnoticed before.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "2")]
public sealed class Step2_FrameLimitAndTruncationTests
{
    [Fact(DisplayName = "A frame of exactly the limit is written")]
    public async Task A_frame_of_exactly_the_limit_is_written()
    {
        var output = new MemoryStream();
        var payload = new byte[100];
        payload.AsSpan().Fill(7);

        await CodeUnderTest.Finish(CodeUnderTest.Start(() => LengthPrefixedFrames.WriteFrameAsync(output, payload, maxFrameBytes: 100)),
            "WriteFrameAsync of a 100-byte payload with maxFrameBytes: 100",
            hint: "The limit is the largest payload allowed: only a payload longer than maxFrameBytes is refused (>, not >=).");

        Assert.True(output.Length == 104,
            $"A 100-byte payload with maxFrameBytes: 100 is a 104-byte frame (prefix and payload); the stream holds {output.Length} bytes.");
    }

    [Fact(DisplayName = "A refused frame names the limit it broke")]
    public async Task A_refused_frame_names_the_limit_it_broke()
    {
        var e = await Expect.Throws<FrameTooLargeException>(
            CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(ScriptedStream.Of([0x00, 0x00, 0x00, 0x65]), maxFrameBytes: 100)),
            "the prefix 00 00 00 65 announces 101 bytes with maxFrameBytes: 100");
        Assert.True(e.Length == 101 && e.MaxFrameBytes == 100,
            $"FrameTooLargeException says Length {e.Length} and MaxFrameBytes {e.MaxFrameBytes}; the prefix announced 101 and the limit was 100. " +
            "Pass both: new FrameTooLargeException(length, maxFrameBytes).");
    }

    [Fact(DisplayName = "A cut-off frame says whether its prefix or its payload was cut")]
    public async Task A_cut_off_frame_says_whether_its_prefix_or_its_payload_was_cut()
    {
        var inPrefix = await Expect.Throws<TruncatedMessageException>(
            CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(ScriptedStream.Of([0x00, 0x00, 0x00]))),
            "the stream ended after 3 of the prefix's 4 bytes");
        var inPayload = await Expect.Throws<TruncatedMessageException>(
            CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(ScriptedStream.Of([0x00, 0x00, 0x00, 0x05, 1, 2]))),
            "the prefix announced 5 bytes, 2 came, then end of stream");

        Assert.True(inPrefix.Part.Contains("prefix", StringComparison.OrdinalIgnoreCase),
            $"For a stream that ended inside the length prefix, TruncatedMessageException.Part is {Show.Text(inPrefix.Part)}. " +
            "Name the part that was cut off: \"a length prefix\".");
        Assert.True(inPayload.Part.Contains("payload", StringComparison.OrdinalIgnoreCase),
            $"For a stream that ended inside the payload, TruncatedMessageException.Part is {Show.Text(inPayload.Part)}. " +
            "Name the part that was cut off: \"a frame's payload\".");
    }
}
