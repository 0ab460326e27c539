using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>Whole messages over a stream socket (the loops of lesson 03, for the Unix-domain step).</summary>
internal static class UnixStream
{
    public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
            data = data[await socket.SendAsync(data, SocketFlags.None, cancellationToken)..];
    }

    public static async Task<byte[]> ReadToEndAsync(Socket socket, int maxBytes, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var count = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (count == 0)
                return received.ToArray();
            if (received.Length + count > maxBytes)
                throw new InvalidDataException($"The message is larger than the limit of {maxBytes} bytes.");
            received.Write(buffer, 0, count);
        }
    }
}
