using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Lessons.Framing;

/// <summary>Serves one client of the echo server: cuts its bytes into lines with a PipeReader and answers each.</summary>
static class LineEcho
{
    private const int MaxLineBytes = 8 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static async Task ServeAsync(Socket client, CancellationToken stop)
    {
        var who = client.RemoteEndPoint;
        Console.WriteLine($"[{who}] connected");
        var lines = 0;
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: true);
            var input = PipeReader.Create(stream);
            var output = PipeWriter.Create(stream);
            while (true)
            {
                var read = await input.ReadAsync(stop);
                var buffer = read.Buffer;
                var reads = 0;
                var tooLong = false;
                while (TryCutLine(ref buffer, out var line))
                {
                    if (line.Length > MaxLineBytes)
                    {
                        tooLong = true;
                        break;
                    }
                    reads++;
                    lines++;
                    var text = Decode(line);
                    Console.WriteLine($"[{who}] line {lines}: {text}");
                    Write(output, text is null ? "ERROR not valid UTF-8" : "echo: " + text);
                }
                if (reads > 1) Console.WriteLine($"[{who}] ({reads} lines arrived in one read)");
                tooLong |= buffer.Length > MaxLineBytes + 1; // no line end within the limit: do not wait for one
                if (tooLong) Write(output, $"ERROR line longer than {MaxLineBytes} bytes; closing");
                input.AdvanceTo(buffer.Start, buffer.End);
                await output.FlushAsync(stop);
                if (tooLong || read.IsCompleted) break;
            }
            client.Shutdown(SocketShutdown.Send);
            await input.CompleteAsync();
            await output.CompleteAsync();
            Console.WriteLine($"[{who}] left after {lines} lines");
        }
        catch (OperationCanceledException)
        {
            // Stopping: closing the stream closes the client's connection.
        }
        catch (IOException e)
        {
            Console.WriteLine($"[{who}] connection failed: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static bool TryCutLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var lf = buffer.PositionOf((byte)'\n');
        if (lf is null)
        {
            line = default;
            return false;
        }
        line = buffer.Slice(0, lf.Value);
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r') line = line.Slice(0, line.Length - 1);
        buffer = buffer.Slice(buffer.GetPosition(1, lf.Value));
        return true;
    }

    private static string? Decode(in ReadOnlySequence<byte> line)
    {
        try
        {
            return StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static void Write(PipeWriter output, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        output.Write(bytes);
    }
}
