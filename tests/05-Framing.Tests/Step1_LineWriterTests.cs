namespace SocketCourse.Framing.Tests;

/// <summary>Step 1: the line writer — UTF-8 and one '\n', nothing that could split a line.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "1")]
public sealed class Step1_LineWriterTests
{
    [Fact(DisplayName = "A line is its UTF-8 bytes and one LF")]
    public async Task A_line_is_its_UTF8_bytes_and_one_LF()
    {
        var output = new MemoryStream();
        var writer = new LineWriter(output);

        await CodeUnderTest.Finish(CodeUnderTest.Start(async () =>
        {
            await writer.WriteLineAsync("你好");
            await writer.WriteLineAsync("");
        }), "WriteLineAsync(\"你好\") and WriteLineAsync(\"\")");

        byte[] expected = [0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD, 0x0A, 0x0A];
        Assert.True(output.ToArray().AsSpan().SequenceEqual(expected),
            $"Wrote \"你好\" and an empty line; the stream holds {Wire.Hex(output.ToArray())}, expected {Wire.Hex(expected)} " +
            "(你 is e4 bd a0, 好 is e5 a5 bd in UTF-8, each line followed by one 0a). No BOM, no CR.");
    }

    [Fact(DisplayName = "A line containing a line end is refused, and nothing is sent")]
    public async Task A_line_containing_a_line_end_is_refused_and_nothing_is_sent()
    {
        var output = new MemoryStream();
        var writer = new LineWriter(output);

        await Expect.Throws<ArgumentException>(CodeUnderTest.Start(() => writer.WriteLineAsync("QUIT\nDELETE everything")),
            "a '\\n' inside the line would reach the reader as two lines: whoever controls the text could inject a command");
        await Expect.Throws<ArgumentException>(CodeUnderTest.Start(() => writer.WriteLineAsync("a\rb")),
            "a '\\r' inside the line: readers that also accept a lone CR as a line end would see two lines");
        Assert.True(output.Length == 0, $"A refused line must not be sent, not even in part; the stream holds {Show.Bytes(output.ToArray())}.");
    }

    [Fact(DisplayName = "A line over the limit in bytes is refused, and nothing is sent")]
    public async Task A_line_over_the_limit_is_refused_and_nothing_is_sent()
    {
        var output = new MemoryStream();
        var writer = new LineWriter(output, maxLineBytes: 8);

        await CodeUnderTest.Finish(CodeUnderTest.Start(() => writer.WriteLineAsync("12345678")), "a line of exactly 8 bytes with maxLineBytes: 8");
        await Expect.Throws<LineTooLongException>(CodeUnderTest.Start(() => writer.WriteLineAsync("你好吗")),
            "\"你好吗\" is 3 characters but 9 bytes of UTF-8, over maxLineBytes: 8; the limit is in bytes, as the reader counts");
        Assert.True(output.Length == 9, $"After one 8-byte line (9 bytes with its '\\n') and one refused line, the stream holds {Show.Bytes(output.ToArray())}.");
    }

    [Fact(DisplayName = "What LineWriter sends, LineReader reads back through small chunks")]
    public async Task What_LineWriter_sends_LineReader_reads_back_through_small_chunks()
    {
        using var listener = LoopbackListener.Start();
        await using var proxy = ChaosProxy.Start(listener.EndPoint, Chaos.Chunks(3));
        using var writerEnd = await LoopbackPeer.ConnectAsync(proxy.EndPoint, "the writer's socket");
        using var readerEnd = await listener.AcceptAsync("the reader's end of the connection through the chaos proxy");
        var lines = Enumerable.Range(0, 20).Select(i => (i % 3) switch { 0 => $"第{i}行 ✓", 1 => "", _ => new string('z', i) }).ToList();
        var writer = new LineWriter(writerEnd.Socket);
        var reader = new LineReader(readerEnd.Socket);

        var writing = CodeUnderTest.Start(async () =>
        {
            foreach (var line in lines) await writer.WriteLineAsync(line);
            writerEnd.ShutdownSend();
        });
        var reading = CodeUnderTest.Start(async () =>
        {
            var read = new List<string?>();
            while (await reader.ReadLineAsync() is { } line) read.Add(line);
            return read;
        });
        await CodeUnderTest.Finish(writing, "LineWriter to write 20 lines");
        var received = await CodeUnderTest.Finish(reading, "LineReader to read 20 lines, delivered 3 bytes at a time, and then null");

        Assert.True(received.SequenceEqual(lines),
            $"LineWriter wrote {lines.Count} lines (some Chinese, some empty); LineReader read back {received.Count}: " +
            $"[{string.Join(", ", received.Take(6).Select(l => Show.Text(l)))}{(received.Count > 6 ? ", …" : "")}]. " + Explain.ByteStream);
    }
}
