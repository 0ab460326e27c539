using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using SocketCourse.Framing;

namespace SocketCourse.Lessons.Framing.Bench;

/// <summary>One way of reading lines to end of stream; returns how many it read.</summary>
sealed record Reader(string Name, Func<Stream, Task<int>> Run);

static class Readers
{
    private const int MaxLineBytes = 8 * 1024;

    public static IReadOnlyList<Reader> All { get; } =
    [
        new("pipe, span", stream => PipeLines(stream, decode: false)),
        new("pipe, string", stream => PipeLines(stream, decode: true)),
        new("LineReader", LineReaderLines),
        new("StreamReader", StreamReaderLines),
    ];

    // The solution's step 3 framer. With decode: false each line is only looked at (its length summed), as a
    // parser working on bytes would; with decode: true it becomes a string, as in the line server.
    private static async Task<int> PipeLines(Stream stream, bool decode)
    {
        var reader = PipeReader.Create(stream);
        var count = 0;
        long checksum = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            while (LineFramer.TryReadLine(ref buffer, MaxLineBytes, out var line))
            {
                count++;
                checksum += decode ? Encoding.UTF8.GetString(line).Length : line.Length;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted) break;
        }
        await reader.CompleteAsync();
        GC.KeepAlive(checksum);
        return count;
    }

    private static async Task<int> LineReaderLines(Stream stream)
    {
        var reader = new LineReader(stream, MaxLineBytes);
        var count = 0;
        while (await reader.ReadLineAsync() is not null) count++;
        return count;
    }

    private static async Task<int> StreamReaderLines(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        var count = 0;
        while (await reader.ReadLineAsync() is not null) count++;
        return count;
    }
}
