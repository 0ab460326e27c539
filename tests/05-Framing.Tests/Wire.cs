using System.Buffers;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Framing.Tests;

/// <summary>Small helpers the graders share: bytes as hex, UTF-8, sequences cut into segments, reading many lines.</summary>
internal static class Wire
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Bytes as hex pairs, "00 00 01 2c".</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2")));

    /// <summary>Cuts <paramref name="data"/> into pieces at the given positions.</summary>
    public static byte[][] Cut(byte[] data, params int[] at)
    {
        var pieces = new List<byte[]>();
        var start = 0;
        foreach (var cut in at.Order())
        {
            pieces.Add(data[start..cut]);
            start = cut;
        }
        pieces.Add(data[start..]);
        return [.. pieces];
    }

    /// <summary>A ReadOnlySequence whose segments are the given pieces, as a PipeReader may hold them.</summary>
    public static ReadOnlySequence<byte> Sequence(params byte[][] pieces)
    {
        var nonEmpty = pieces.Where(p => p.Length > 0).ToArray();
        if (nonEmpty.Length == 0) return ReadOnlySequence<byte>.Empty;
        var first = new Segment(nonEmpty[0], 0);
        var last = first;
        foreach (var piece in nonEmpty.Skip(1)) last = last.Append(piece);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    /// <summary>
    /// Reads from <paramref name="peer"/> until <paramref name="count"/> lines ending in '\n' have arrived, within the
    /// deadline; returns them without their '\n'. Reads in large chunks, so a thousand replies cost few receives.
    /// </summary>
    public static async Task<List<string>> ReadLinesAsync(LoopbackPeer peer, int count, string awaited, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        var lines = new List<string>(count);
        var pending = new List<byte>();
        var buffer = new byte[64 * 1024];
        try
        {
            while (lines.Count < count)
            {
                var n = await peer.Socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0)
                    throw new GradingException($"{peer.Name} was waiting for {awaited} but the stream ended after {lines.Count} of {count} lines" +
                                               (lines.Count > 0 ? $" (the last: {Show.Text(lines[^1])})" : "") +
                                               $" and {Show.Bytes(pending.ToArray())} more. {Explain.EndOfStream}");
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        lines.Add(Encoding.UTF8.GetString(pending.ToArray()));
                        pending.Clear();
                    }
                    else
                    {
                        pending.Add(buffer[i]);
                    }
                }
            }
            if (pending.Count > 0)
                throw new GradingException($"After {count} lines {peer.Name} received {Show.Bytes(pending.ToArray())} more than expected.");
            return lines;
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, awaited,
                $"{peer.Name} had {lines.Count} of {count} lines" + (lines.Count > 0 ? $", the last {Show.Text(lines[^1])}" : "") +
                $", and {Show.Bytes(pending.ToArray())} of an unfinished one.");
        }
        catch (SocketException e)
        {
            throw new GradingException($"While waiting for {awaited}, after {lines.Count} of {count} lines, {peer.Name} got {Explain.Exception(e)}", e);
        }
    }
}
