using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SingleConnection;

/// <summary>
/// Step 2: whole messages over a byte stream. TCP may split or merge what was sent, so a Send may
/// take only part of the data and a Receive may return any part of it: both need a loop.
/// </summary>
public static class ByteStream
{
    /// <summary>The default size limit of a message: 64 KiB.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Sends every byte of <paramref name="data"/>, calling Send again for whatever an earlier call did not
    /// take (Python's <c>sendall</c>).
    /// </summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="data">The bytes to send.</param>
    /// <param name="cancellationToken">Stops a send that cannot proceed (a peer that is not reading).</param>
    public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        while (!data.IsEmpty)
            data = data[await socket.SendAsync(data, SocketFlags.None, cancellationToken)..];
    }

    /// <summary>
    /// Receives until the peer closes its sending side (a Receive returns 0 bytes) and returns every byte
    /// received, in order. One Receive may return any part of the message, so this loops.
    /// </summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="maxBytes">The most bytes accepted; one more is an error, so a peer cannot exhaust memory.</param>
    /// <param name="cancellationToken">Stops the wait (for a peer that never closes).</param>
    /// <exception cref="InvalidDataException">More than <paramref name="maxBytes"/> bytes arrived.</exception>
    /// <exception cref="SocketException">The connection failed, e.g. the peer reset it mid-message.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before end of stream.</exception>
    public static async Task<byte[]> ReadToEndAsync(Socket socket, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
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
            received.Write(buffer, 0, count);
        }
    }

    /// <summary>
    /// Reads to end of stream like <see cref="ReadToEndAsync"/>, then decodes the bytes as UTF-8. Decoding
    /// happens once, after the last byte: a character's bytes may be split across Receives.
    /// </summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="InvalidDataException">Too many bytes, or bytes that are not valid UTF-8.</exception>
    public static async Task<string> ReadTextToEndAsync(Socket socket, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadToEndAsync(socket, maxBytes, cancellationToken);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"The message is not valid UTF-8 (bad byte at index {e.Index}).", e);
        }
    }
}
