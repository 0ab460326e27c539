using System.Net.Sockets;

namespace SocketCourse.Lessons.Framing.Bench;

/// <summary>The sending side: the same 64-byte lines, written in 64 KiB sends from one reused buffer.</summary>
static class LineSource
{
    public const int LineBytes = 64;
    private const int LinesPerSend = 1024;

    private static readonly byte[] Block = MakeBlock();

    private static byte[] MakeBlock()
    {
        var block = new byte[LineBytes * LinesPerSend];
        for (var i = 0; i < block.Length; i++)
            block[i] = i % LineBytes == LineBytes - 1 ? (byte)'\n' : (byte)('a' + (i / LineBytes + i) % 26);
        return block;
    }

    public static async Task SendAsync(Socket socket, int lines)
    {
        var left = lines;
        while (left > 0)
        {
            var now = Math.Min(left, LinesPerSend);
            var data = Block.AsMemory(0, now * LineBytes);
            while (!data.IsEmpty) data = data[await socket.SendAsync(data, SocketFlags.None)..];
            left -= now;
        }
        socket.Shutdown(SocketShutdown.Send);
    }
}
