namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 1: what the reader and writer refuse, they refuse with an error that says why: a lone surrogate, a line end
/// inside a line, bytes that are not UTF-8, a stream cut off inside a line. Found by mutation testing (.ci/mutation):
/// emptying these messages, or sending a lone surrogate, went unnoticed before.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "1")]
public sealed class Step1_RefusalMessagesTests
{
    [Fact(DisplayName = "A line with a lone surrogate is refused, and nothing is sent")]
    public async Task A_line_with_a_lone_surrogate_is_refused_and_nothing_is_sent()
    {
        var output = new MemoryStream();
        var writer = new LineWriter(output);

        var e = await Expect.Throws<ArgumentException>(CodeUnderTest.Start(() => writer.WriteLineAsync("half an emoji: \uD83D")),
            "\"half an emoji: \\uD83D\" ends with the first half of a surrogate pair and no second half; UTF-8 has no bytes for it. " +
            "Encoding.UTF8 would quietly send ef bf bd (U+FFFD) instead: encode with new UTF8Encoding(false, throwOnInvalidBytes: true)");
        Assert.True(output.Length == 0, $"A refused line must not be sent, not even in part; the stream holds {Show.Bytes(output.ToArray())}.");
        Assert.True(Says(e, "surrogate", "UTF", "encod"),
            $"The ArgumentException's message was {Show.Text(e.Message)}. Say why the line cannot be sent (a lone surrogate, not encodable " +
            "as UTF-8), so the caller knows what to fix.");
    }

    [Fact(DisplayName = "The line-end refusal says the line holds a line end")]
    public async Task The_line_end_refusal_says_the_line_holds_a_line_end()
    {
        var writer = new LineWriter(new MemoryStream());

        var e = await Expect.Throws<ArgumentException>(CodeUnderTest.Start(() => writer.WriteLineAsync("QUIT\nDELETE everything")),
            "a '\\n' inside the line would reach the reader as two lines");
        Assert.True(Says(e, "line end", "newline", "new line", "line break", "line feed", "\\n", "LF", "CR", "carriage"),
            $"The ArgumentException's message was {Show.Text(e.Message)}. Say that the line contains a line end ('\\n' or '\\r'), " +
            "so the caller knows to send the parts as separate lines.");
    }

    [Fact(DisplayName = "The UTF-8 error says the line was not UTF-8")]
    public async Task The_UTF8_error_says_the_line_was_not_UTF8()
    {
        var reader = new LineReader(ScriptedStream.Of([(byte)'o', (byte)'k', 0xC3, 0x28, (byte)'\n']));

        var e = await Expect.Throws<InvalidDataException>(CodeUnderTest.Start(() => reader.ReadLineAsync().AsTask()),
            "the line's bytes 6f 6b c3 28 are not valid UTF-8");
        Assert.True(Says(e, "UTF"),
            $"The InvalidDataException's message was {Show.Text(e.Message)}. Say that the line was not valid UTF-8, so the problem is " +
            "not mistaken for a size or connection error.");
    }

    [Fact(DisplayName = "A line cut off by the end of the stream is reported as a line")]
    public async Task A_line_cut_off_by_the_end_of_the_stream_is_reported_as_a_line()
    {
        var reader = new LineReader(ScriptedStream.Of(Wire.Utf8("no line end")));

        var e = await Expect.Throws<TruncatedMessageException>(CodeUnderTest.Start(() => reader.ReadLineAsync().AsTask()),
            "the stream ended after \"no line end\", with no '\\n'");
        Assert.True(e.Part.Contains("line", StringComparison.OrdinalIgnoreCase) && e.BytesMissing is null,
            $"TruncatedMessageException.Part is {Show.Text(e.Part)} and BytesMissing {e.BytesMissing?.ToString() ?? "null"}. " +
            "Say what was cut off: new TruncatedMessageException(\"a line\", bytesReceived, null); a line announces no length, so how " +
            "many bytes were missing is unknown (null).");
    }

    private static bool Says(Exception e, params string[] words) =>
        words.Any(w => e.Message.Contains(w, w is "LF" or "CR" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase));
}
