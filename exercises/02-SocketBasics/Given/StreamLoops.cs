// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Given, for step 3: the two loops every stream socket needs, shown in notebook 02
/// before step 3 and written by you, with more care, in lesson 03. A stream socket (TCP, or Unix-domain as here) is a
/// byte stream: one Send may take only part of the data, and one Receive returns whatever has arrived so far.
/// </summary>
public static class StreamLoops
{
    /// <summary>
    /// Sends every byte of <paramref name="data"/>: <c>SendAsync</c> returns how many bytes it took, so it is called
    /// again with the rest until nothing is left (Python's <c>sendall</c>).
    /// </summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="data">The bytes to send.</param>
    /// <param name="cancellationToken">Stops the sending.</param>
    public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        while (!data.IsEmpty)
            data = data[await socket.SendAsync(data, SocketFlags.None, cancellationToken)..];
    }

    /// <summary>
    /// Receives until the peer closes its sending side (a Receive that returns 0) and returns all the bytes.
    /// </summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="maxBytes">The most bytes accepted; more is an <see cref="InvalidDataException"/>.</param>
    /// <param name="cancellationToken">Stops the waiting.</param>
    /// <returns>Every byte the peer sent before it closed.</returns>
    /// <exception cref="InvalidDataException">The peer sent more than <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadToEndAsync(Socket socket, int maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
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
