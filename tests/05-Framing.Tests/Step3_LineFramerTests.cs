using System.Buffers;
using System.Text;

namespace SocketCourse.Framing.Tests;

/// <summary>Step 3: cutting lines off a PipeReader's buffer, a ReadOnlySequence of one or more segments.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
public sealed class Step3_LineFramerTests
{
    // Runs TryReadLine until it returns false; returns the lines (decoded) and what was left in the buffer.
    private static (List<string> Lines, long Left) Frame(ReadOnlySequence<byte> buffer, int maxLineBytes = 64)
    {
        var lines = new List<string>();
        while (LineFramer.TryReadLine(ref buffer, maxLineBytes, out var line))
        {
            lines.Add(Encoding.UTF8.GetString(line));
            if (lines.Count > 10_000) throw new GradingException("TryReadLine returned true more than 10,000 times: does it move the buffer past the line?");
        }
        return (lines, buffer.Length);
    }

    private static string ShowLines(IEnumerable<string> lines) => "[" + string.Join(", ", lines.Select(l => Show.Text(l))) + "]";

    [Fact(DisplayName = "Lines split across segments at any position are found")]
    public void Lines_split_across_segments_at_every_position_are_found()
    {
        var data = Wire.Utf8("你好\r\nab\n\r\n👋");
        string[] expected = ["你好", "ab", ""];
        for (var cut = 0; cut <= data.Length; cut++)
        {
            for (var second = cut; second <= data.Length; second += 3)
            {
                var (lines, left) = Frame(Wire.Sequence(Wire.Cut(data, cut, second)));
                Assert.True(lines.SequenceEqual(expected) && left == 4,
                    $"With the buffer in segments {Wire.Hex(data[..cut])} | {Wire.Hex(data[cut..second])} | {Wire.Hex(data[second..])}, " +
                    $"TryReadLine found {ShowLines(lines)} and left {left} bytes; expected {ShowLines(expected)} and the 4 bytes of 👋 " +
                    "(no line end yet) left for the next read. A PipeReader's buffer may be several segments: search the whole sequence " +
                    "(PositionOf, SequenceReader), not just FirstSpan, and look for the CR before the LF across segments too.");
            }
        }
    }

    [Fact(DisplayName = "Without a line end, TryReadLine returns false and leaves the buffer alone")]
    public void Without_a_line_end_it_returns_false_and_leaves_the_buffer_alone()
    {
        foreach (var text in new[] { "abc", "abc\r", "" })
        {
            var buffer = Wire.Sequence(Wire.Utf8(text));
            var found = LineFramer.TryReadLine(ref buffer, 64, out _);

            Assert.True(!found && buffer.Length == text.Length,
                $"For {Show.Text(text)} TryReadLine returned {found} and left {buffer.Length} bytes; expected false with all {text.Length} left. " +
                "No '\\n' yet means the line is not complete: consume nothing, and let the caller wait for more (AdvanceTo(consumed: buffer.Start, examined: buffer.End)).");
        }
    }

    [Fact(DisplayName = "A thousand lines in one buffer come out in order")]
    public void A_thousand_lines_in_one_buffer_come_out_in_order()
    {
        var text = string.Concat(Enumerable.Range(0, 1000).Select(i => $"line {i}\n"));

        var (lines, left) = Frame(Wire.Sequence(Wire.Utf8(text)));

        Assert.True(lines.Count == 1000 && left == 0 && lines.Select((l, i) => l == $"line {i}").All(ok => ok),
            $"One buffer held 1,000 lines; TryReadLine returned {lines.Count} (first {ShowLines(lines.Take(3))}) and left {left} bytes. " +
            "Call it in a loop until it returns false: one read can hold many lines, and each must be answered.");
    }

    [Fact(DisplayName = "A line of exactly the limit is found, and a CR at the limit waits for its LF")]
    public void A_line_of_exactly_the_limit_is_found_and_a_CR_at_the_limit_waits_for_its_LF()
    {
        var exact = Wire.Sequence(Wire.Utf8("abcd"), Wire.Utf8("\r"), Wire.Utf8("\n"));
        var (lines, _) = Frame(exact, maxLineBytes: 4);
        Assert.True(lines.SequenceEqual(["abcd"]), $"\"abcd\\r\\n\" with maxLineBytes: 4 gave {ShowLines(lines)}; 4 bytes is within the limit (the line end is not counted).");

        var crOnly = Wire.Sequence(Wire.Utf8("abcd\r"));
        bool found;
        try
        {
            found = LineFramer.TryReadLine(ref crOnly, 4, out _);
        }
        catch (LineTooLongException)
        {
            throw new GradingException("\"abcd\\r\" with maxLineBytes: 4 was called too long, but its next byte may be '\\n', making it a 4-byte line with a CRLF end: wait for it.");
        }
        Assert.False(found, "\"abcd\\r\" has no '\\n' yet: TryReadLine must return false.");
    }

    [Theory(DisplayName = "One byte over the limit is LineTooLong, without waiting for more")]
    [InlineData("abcde")]
    [InlineData("abcde\n")]
    [InlineData("abcd\rx")]
    public void One_byte_over_the_limit_is_LineTooLong_without_waiting_for_more(string text)
    {
        var buffer = Wire.Sequence(Wire.Utf8(text));

        Expect.Throws<LineTooLongException>(() => LineFramer.TryReadLine(ref buffer, 4, out _),
            $"{Show.Text(text)} with maxLineBytes: 4: five bytes of line content are certain; returning false would make the caller buffer more and more of a line it will refuse");
    }

    [Fact(DisplayName = "A megabyte without a line end is refused at once")]
    public void A_megabyte_without_a_line_end_is_refused_at_once()
    {
        var buffer = Wire.Sequence(Enumerable.Range(0, 16).Select(_ => Enumerable.Repeat((byte)'x', 64 * 1024).ToArray()).ToArray());

        Expect.Throws<LineTooLongException>(() => LineFramer.TryReadLine(ref buffer, 1024, out _),
            "1 MiB in 16 segments and no '\\n', with maxLineBytes: 1024");
    }
}
