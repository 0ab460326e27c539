using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Framing.Tests;

/// <summary>Step 1: a line reader over a stream — whole lines, whatever the reads looked like.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "1")]
public sealed class Step1_LineReaderTests
{
    private static Task<List<string?>> ReadAll(LineReader reader, int lines, CancellationToken token = default) =>
        CodeUnderTest.Start(async () =>
        {
            var read = new List<string?>();
            for (var i = 0; i < lines; i++) read.Add(await reader.ReadLineAsync(token));
            return read;
        });

    private static string ShowLines(IEnumerable<string?> lines) => "[" + string.Join(", ", lines.Select(l => Show.Text(l))) + "]";

    [Fact(DisplayName = "Two lines in one read are two lines")]
    public async Task Two_lines_in_one_read_are_two_lines()
    {
        var stream = ScriptedStream.Of(Wire.Utf8("first\nsecond\n"));
        var reader = new LineReader(stream);

        var lines = await CodeUnderTest.Finish(ReadAll(reader, 3), "three ReadLineAsync calls on \"first\\nsecond\\n\" followed by end of stream");

        Assert.True(lines.SequenceEqual(["first", "second", null]),
            $"The stream delivered \"first\\nsecond\\n\" in ONE read; ReadLineAsync returned {ShowLines(lines)}, expected [\"first\", \"second\", null]. " +
            "Two lines arrived in one read: a reader that returns whole reads as messages merges them. Keep the bytes after the first '\\n' for the next call.");
    }

    [Fact(DisplayName = "A line arriving one byte at a time is one line")]
    public async Task A_line_arriving_one_byte_at_a_time_is_one_line()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.OneByteAtATime);
        var reader = new LineReader(pair.Learner);

        var reading = ReadAll(reader, 3);
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            await pair.Grader.SendAsync("hello, 世界\r\nsecond\n");
            pair.Grader.ShutdownSend();
        });
        var lines = await CodeUnderTest.Finish(reading, "ReadLineAsync to return two lines and then null (end of stream)");

        Assert.True(lines.SequenceEqual(["hello, 世界", "second", null]),
            $"Sent \"hello, 世界\\r\\nsecond\\n\" one byte per write; ReadLineAsync returned {ShowLines(lines)}. " +
            "One read may return part of a line (one byte, even half a character): keep reading until the '\\n'. " + Explain.ByteStream);
    }

    [Fact(DisplayName = "Separate writes merged by the network are still separate lines")]
    public async Task Separate_writes_merged_by_the_network_are_still_separate_lines()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.Merged);
        var reader = new LineReader(new NetworkStream(pair.Learner, ownsSocket: false));

        var reading = ReadAll(reader, 4);
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            await pair.Grader.SendAsync("one\n");
            await pair.Grader.SendAsync("two\r\n");
            await pair.Grader.SendAsync("three\n");
            pair.Grader.ShutdownSend();
        });
        var lines = await CodeUnderTest.Finish(reading, "ReadLineAsync to return three lines and then null");

        Assert.True(lines.SequenceEqual(["one", "two", "three", null]),
            $"Sent \"one\\n\", \"two\\r\\n\", \"three\\n\" as three writes, which the network delivered as one; ReadLineAsync returned {ShowLines(lines)}. " +
            "Sends are not messages: TCP may merge them (Nagle's algorithm, a busy receiver). The '\\n' is the only boundary.");
    }

    [Fact(DisplayName = "A CR LF or a character split at any position reads the same")]
    public async Task A_CR_LF_or_a_character_split_at_every_position_reads_the_same()
    {
        var data = Wire.Utf8("你好\r\n👋 ok\r\n\r\nend\n");
        string?[] expected = ["你好", "👋 ok", "", "end", null];
        for (var cut = 1; cut < data.Length; cut++)
        {
            var reader = new LineReader(ScriptedStream.Of(Wire.Cut(data, cut)));
            List<string?> lines;
            try
            {
                lines = await CodeUnderTest.Finish(ReadAll(reader, expected.Length), $"five ReadLineAsync calls, reads cut after byte {cut}");
            }
            catch (Exception e) when (e is not NotImplementedException and not GradingException)
            {
                throw new GradingException(
                    $"With the reads cut after byte {cut} of {Show.Bytes(data)} ({Wire.Hex(data[..cut])} | {Wire.Hex(data[cut..])}), " +
                    $"ReadLineAsync threw {Explain.Exception(e)} A split character or a CR whose LF comes in the next read is normal: " +
                    "decode only whole lines, and decide about a trailing CR only when the LF arrives.", e);
            }
            Assert.True(lines.SequenceEqual(expected),
                $"With the reads cut after byte {cut} ({Wire.Hex(data[..cut])} | {Wire.Hex(data[cut..])}), ReadLineAsync returned {ShowLines(lines)}; " +
                $"expected {ShowLines(expected)}. A cut may fall inside a 3- or 4-byte UTF-8 character or between CR and LF: " +
                "decode a line only once it is whole, and strip one CR only when it stands right before the LF.");
        }
    }

    [Fact(DisplayName = "A CR not followed by LF is part of the line")]
    public async Task A_CR_not_followed_by_LF_is_part_of_the_line()
    {
        var reader = new LineReader(ScriptedStream.Of(Wire.Utf8("a\rb\n"), Wire.Utf8("c\r"), Wire.Utf8("\r\n")));

        var lines = await CodeUnderTest.Finish(ReadAll(reader, 3), "three ReadLineAsync calls");

        Assert.True(lines.SequenceEqual(["a\rb", "c\r", null]),
            $"Read \"a\\rb\\n\" and \"c\\r\" \"\\r\\n\"; got {ShowLines(lines)}, expected [\"a\\rb\", \"c\\r\", null]. Only LF ends a line; " +
            "a CR belongs to the line end only when it is the byte right before the LF.");
    }

    [Fact(DisplayName = "A line of exactly the limit is accepted, even with CR and LF in separate reads")]
    public async Task A_line_of_exactly_the_limit_is_accepted_even_with_CR_and_LF_in_separate_reads()
    {
        var line = new string('a', 14) + "é"; // 16 bytes of UTF-8
        var reader = new LineReader(ScriptedStream.Of(Wire.Utf8(line + "\r"), Wire.Utf8("\n" + line + "\n")), maxLineBytes: 16);

        var lines = await CodeUnderTest.Finish(ReadAll(reader, 3), "three ReadLineAsync calls with maxLineBytes: 16");

        Assert.True(lines.SequenceEqual([line, line, null]),
            $"Two lines of exactly 16 bytes with maxLineBytes: 16 (the first one's CR in one read, its LF in the next); got {ShowLines(lines)}. " +
            "The limit counts the line's bytes without its line end; a CR at the limit may still be followed by an LF, so wait for it.");
    }

    [Fact(DisplayName = "One byte over the limit fails, without waiting for the line end")]
    public async Task One_byte_over_the_limit_fails_without_waiting_for_the_line_end()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var reader = new LineReader(pair.Learner, maxLineBytes: 16);

        var reading = CodeUnderTest.Start(() => reader.ReadLineAsync().AsTask());
        await pair.Grader.SendAsync(new string('x', 17));

        await Expect.Throws<LineTooLongException>(reading,
            "17 bytes without a line end arrived with maxLineBytes: 16, and the peer kept the connection open; the line is too long " +
            "whatever comes next, so a reader that waits for the '\\n' buffers whatever the peer cares to send");
    }

    [Fact(DisplayName = "The reader stops reading at the limit")]
    public async Task The_reader_stops_reading_at_the_limit()
    {
        var stream = new EndlessLineStream(giveUpAfter: 16 * 1024 * 1024);
        var reader = new LineReader(stream, maxLineBytes: 1024);

        var reading = CodeUnderTest.Start(() => reader.ReadLineAsync().AsTask());
        await Expect.Throws<LineTooLongException>(reading,
            "the stream sends 'x' without end and never a '\\n', and maxLineBytes is 1024");

        Assert.True(stream.BytesRead <= 1024 + 64 * 1024,
            $"ReadLineAsync read {stream.BytesRead} bytes of a line it refused (maxLineBytes: 1024) before giving up. " +
            "Check the limit after every read, not once the line end comes: a peer must not make you buffer without end.");
    }

    [Fact(DisplayName = "Invalid UTF-8 is an error, and the next line still reads")]
    public async Task Invalid_UTF8_is_an_error_and_the_next_line_still_reads()
    {
        var reader = new LineReader(ScriptedStream.Of([(byte)'o', (byte)'k', 0xC3, 0x28, (byte)'\n', .. Wire.Utf8("next\n")]));

        var bad = CodeUnderTest.Start(() => reader.ReadLineAsync().AsTask());
        await Expect.Throws<InvalidDataException>(bad,
            "the line's bytes 6f 6b c3 28 are not valid UTF-8 (c3 starts a 2-byte character, 28 cannot continue it); " +
            "replacing them with U+FFFD would hand on a corrupted message");
        var next = await CodeUnderTest.Finish(reader.ReadLineAsync().AsTask(), "the line after the invalid one");

        Assert.True(next == "next",
            $"After the invalid line, ReadLineAsync returned {Show.Text(next)}, expected \"next\". The bad line's end was known: " +
            "consume it before throwing, so one bad line costs only itself.");
    }

    [Fact(DisplayName = "End of stream between lines is null, every time")]
    public async Task End_of_stream_between_lines_is_null_every_time()
    {
        var reader = new LineReader(ScriptedStream.Of(Wire.Utf8("last\n")));

        var lines = await CodeUnderTest.Finish(ReadAll(reader, 3), "three ReadLineAsync calls on \"last\\n\" and end of stream");

        Assert.True(lines.SequenceEqual(["last", null, null]),
            $"Got {ShowLines(lines)}, expected [\"last\", null, null]. End of stream right after a line end is the normal end: return null, and null again if asked again.");
    }

    [Fact(DisplayName = "End of stream inside a line is a truncated message")]
    public async Task End_of_stream_inside_a_line_is_a_truncated_message()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var reader = new LineReader(pair.Learner);

        var reading = CodeUnderTest.Start(() => reader.ReadLineAsync().AsTask());
        await pair.Grader.SendAsync("no line end");
        pair.Grader.ShutdownSend();

        var e = await Expect.Throws<TruncatedMessageException>(reading,
            "the peer sent \"no line end\" (11 bytes) and closed; a line without its '\\n' was cut off, and returning it would pass a fragment off as a message");
        Assert.True(e.BytesReceived == 11, $"TruncatedMessageException.BytesReceived is {e.BytesReceived}; 11 bytes of the line had arrived.");
    }

    [Fact(DisplayName = "A read waiting for a silent peer can be cancelled")]
    public async Task A_read_waiting_for_a_silent_peer_can_be_cancelled()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var reader = new LineReader(pair.Learner);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var reading = CodeUnderTest.Start(() => reader.ReadLineAsync(cancel.Token).AsTask());
        await pair.Grader.SendAsync("half a li");

        await Expect.Throws<OperationCanceledException>(reading,
            "the token was cancelled after 200 ms while the peer sent half a line and went quiet; pass the token to every ReadAsync");
    }
}
