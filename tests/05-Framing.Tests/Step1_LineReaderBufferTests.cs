namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 1: the reader's own buffer at its edges — an empty line at the very start, lines that straddle the end of the
/// buffer, a line longer than the buffer the reader starts with, and a line one byte too long whose LF came with it.
/// Found by mutation testing (.ci/mutation): the buffer's moving and growing were never exercised before.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "1")]
public sealed class Step1_LineReaderBufferTests
{
    private static Task<List<string?>> ReadAll(LineReader reader, int lines) =>
        CodeUnderTest.Start(async () =>
        {
            var read = new List<string?>();
            for (var i = 0; i < lines; i++) read.Add(await reader.ReadLineAsync());
            return read;
        });

    private static string ShowLines(IEnumerable<string?> lines) =>
        "[" + string.Join(", ", lines.Select(l => l is { Length: > 40 } ? $"{l.Length} characters" : Show.Text(l))) + "]";

    [Fact(DisplayName = "Empty lines are lines, the very first byte too")]
    public async Task Empty_lines_are_lines_the_very_first_byte_too()
    {
        var reader = new LineReader(ScriptedStream.Of(Wire.Utf8("\n\nmiddle\n\r\n")));

        var lines = await CodeUnderTest.Finish(ReadAll(reader, 5), "five ReadLineAsync calls on \"\\n\\nmiddle\\n\\r\\n\" and end of stream");

        Assert.True(lines.SequenceEqual(["", "", "middle", "", null]),
            $"The stream held \"\\n\\nmiddle\\n\\r\\n\"; ReadLineAsync returned {ShowLines(lines)}, expected [\"\", \"\", \"middle\", \"\", null]. " +
            "A '\\n' at the very first position of the buffer is a line end too (IndexOf returns 0, which is found), and an empty line " +
            "has no byte before its '\\n' to check for a CR.");
    }

    [Fact(DisplayName = "Lines that straddle the end of the reader's buffer read whole")]
    public async Task Lines_that_straddle_the_end_of_the_readers_buffer_read_whole()
    {
        // With maxLineBytes: 8 the reader needs no more than 10 bytes (8, CR and LF), so one read of all this text
        // cannot take it in one go: the rest of a line must be kept, moved or grown into, and completed by the next read.
        string[] expected = ["abcdef", "ghijklmn", "", "o", "pqrstuvw", "xy", "z0123456", "789"];
        var text = string.Join("\n", expected) + "\n";
        var reader = new LineReader(ScriptedStream.Of(Wire.Utf8(text)), maxLineBytes: 8);

        var lines = await CodeUnderTest.Finish(ReadAll(reader, expected.Length + 1),
            $"{expected.Length + 1} ReadLineAsync calls with maxLineBytes: 8 on {text.Length} bytes available at once");

        Assert.True(lines.SequenceEqual([.. expected, null]),
            $"With maxLineBytes: 8, read from a stream that had all of {Show.Text(text)} ready, ReadLineAsync returned {ShowLines(lines)}. " +
            "When the unread part of a line sits at the end of your buffer, keep those bytes: move them to the front (or grow the buffer) " +
            "before reading more into it, and go on searching after them.");
    }

    [Fact(DisplayName = "A line longer than 4 KiB but within the limit reads whole")]
    public async Task A_line_longer_than_4_KiB_but_within_the_limit_reads_whole()
    {
        var longest = new string('L', FramingLimits.DefaultMaxLineBytes);
        var middle = string.Concat(Enumerable.Range(0, 700).Select(i => $"{i % 10}汉字"));    // 700 × 7 bytes = 4,900 bytes
        var reader = new LineReader(ScriptedStream.Of(Wire.Cut(Wire.Utf8($"{middle}\n{longest}\r\nshort\n"), 3000, 9000)));

        var lines = await CodeUnderTest.Finish(ReadAll(reader, 4),
            $"four ReadLineAsync calls: lines of 4,900 and {FramingLimits.DefaultMaxLineBytes:N0} bytes, \"short\", end of stream (default limit)");

        Assert.True(lines.SequenceEqual([middle, longest, "short", null]),
            $"With the default limit ({FramingLimits.DefaultMaxLineBytes:N0} bytes) lines of 4,900 and {FramingLimits.DefaultMaxLineBytes:N0} bytes " +
            $"must read whole; got {ShowLines(lines)}. A buffer that starts small must grow (up to maxLineBytes + 2) when a line needs it; " +
            "a read into a full buffer returns 0, which is not the end of the stream.");
    }

    [Fact(DisplayName = "A line one byte over the limit is refused even when its LF came in the same read")]
    public async Task A_line_one_byte_over_the_limit_is_refused_even_when_its_LF_came_in_the_same_read()
    {
        var reader = new LineReader(ScriptedStream.Of(Wire.Utf8("abcde\nok\n")), maxLineBytes: 4);

        var e = await Expect.Throws<LineTooLongException>(CodeUnderTest.Start(() => reader.ReadLineAsync().AsTask()),
            "\"abcde\\n\" is a 5-byte line with maxLineBytes: 4, and its '\\n' arrived in the same read; the limit holds for every line " +
            "that is found, not only for one still waiting for its end");
        Assert.True(e.MaxLineBytes == 4,
            $"LineTooLongException.MaxLineBytes is {e.MaxLineBytes}; pass the reader's limit (4 here) to the exception, so the message names it.");
    }
}
