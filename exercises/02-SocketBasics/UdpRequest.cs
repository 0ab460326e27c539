using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Step 2: one UDP request and its reply. Datagrams can be lost, so waiting for a reply has a limit:
/// a timeout is an answer, not a hang.
/// </summary>
public static class UdpRequest
{
    /// <summary>
    /// Sends <paramref name="payload"/> as one datagram to <paramref name="server"/> and returns the first
    /// datagram that comes back from <paramref name="server"/>. Datagrams from any other address or port are
    /// someone else's: they are ignored and the wait goes on.
    /// </summary>
    /// <param name="server">The server's address and port.</param>
    /// <param name="payload">The request, at most <see cref="UdpLimits.MaxPayload"/> bytes; may be empty.</param>
    /// <param name="timeout">How long to wait for the reply; must be positive.</param>
    /// <param name="maxReplyBytes">The largest reply accepted; a reply of exactly this size is returned.</param>
    /// <param name="cancellationToken">Stops the wait early.</param>
    /// <returns>The reply's bytes, exactly as the server sent them.</returns>
    /// <exception cref="TimeoutException">No reply from the server within <paramref name="timeout"/>. This also covers
    /// the system reporting that nothing is bound at the server's port (ICMP "port unreachable", surfacing as a
    /// SocketException ConnectionRefused or ConnectionReset, kept as the InnerException): no reply will come. The message names the server.</exception>
    /// <exception cref="InvalidDataException">The server's reply was larger than <paramref name="maxReplyBytes"/>; the message
    /// names the limit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive, <paramref name="payload"/> is
    /// too long, or <paramref name="maxReplyBytes"/> is negative; nothing is sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<byte[]> SendAsync(
        IPEndPoint server,
        ReadOnlyMemory<byte> payload,
        TimeSpan timeout,
        int maxReplyBytes = UdpLimits.MaxPayload,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 2: SendTo, then ReceiveFrom until the server answers or the timeout passes. See notebooks/02-socket-basics.ipynb, step 2.");
    }

    /// <summary>
    /// Sends <paramref name="text"/> as UTF-8 in one datagram, like <see cref="SendAsync"/>, and returns the
    /// reply decoded from UTF-8.
    /// </summary>
    /// <param name="server">The server's address and port.</param>
    /// <param name="text">The request text.</param>
    /// <param name="timeout">How long to wait for the reply.</param>
    /// <param name="cancellationToken">Stops the wait early.</param>
    /// <exception cref="TimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidDataException">The reply was not valid UTF-8 (the message says so).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null (the exception names it).</exception>
    public static Task<string> SendTextAsync(IPEndPoint server, string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 2: UTF-8 in, SendAsync, strict UTF-8 out. See notebooks/02-socket-basics.ipynb, step 2.");
    }
}
