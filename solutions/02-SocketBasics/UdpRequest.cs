using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Step 2: one UDP request and its reply. Datagrams can be lost, so waiting for a reply has a limit:
/// a timeout is an answer, not a hang.
/// </summary>
public static class UdpRequest
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
    public static async Task<byte[]> SendAsync(
        IPEndPoint server,
        ReadOnlyMemory<byte> payload,
        TimeSpan timeout,
        int maxReplyBytes = UdpLimits.MaxPayload,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, UdpLimits.MaxPayload, nameof(payload));
        ArgumentOutOfRangeException.ThrowIfNegative(maxReplyBytes);

        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = new byte[maxReplyBytes + 1];
        EndPoint anySender = new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            await socket.SendToAsync(payload, SocketFlags.None, server, deadline.Token);
            while (true)
            {
                var datagram = await socket.ReceiveFromAsync(buffer, SocketFlags.None, anySender, deadline.Token);
                if (!server.Equals(datagram.RemoteEndPoint))
                    continue; // not from the server we asked
                if (datagram.ReceivedBytes > maxReplyBytes)
                    throw new InvalidDataException($"The reply from {server} is larger than the limit of {maxReplyBytes} bytes.");
                return buffer.AsSpan(0, datagram.ReceivedBytes).ToArray();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No reply from {server} within {timeout.TotalMilliseconds:0} ms. UDP promises nothing: the request or the reply " +
                "may have been lost, or nothing is listening there.");
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            throw new TimeoutException($"No reply will come from {server}: the system reports that nothing is bound to that port.", e);
        }
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
    public static async Task<string> SendTextAsync(IPEndPoint server, string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reply = await SendAsync(server, Encoding.UTF8.GetBytes(text), timeout, cancellationToken: cancellationToken);
        try
        {
            return StrictUtf8.GetString(reply);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"The reply from {server} is not valid UTF-8.", e);
        }
    }
}
