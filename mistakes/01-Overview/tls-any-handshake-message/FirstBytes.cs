using System.Buffers.Binary;
using System.Text;

namespace SocketCourse.Overview;

/// <summary>
/// Step 3: observing the application layer. A socket hands your program only the application's bytes: the TCP or UDP,
/// IP and Ethernet headers were stripped off on the way up. Those bytes still say which protocol is talking, and
/// servers that share one port (or tools such as Wireshark) tell them apart exactly like this.
/// </summary>
public static class FirstBytes
{
    private static readonly string[] HttpMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

    /// <summary>
    /// Names the protocol of the first bytes a client sent. The rules are checked in this order; the first that
    /// matches wins, and if none does the answer is <see cref="WireProtocol.Unknown"/>:
    /// <list type="number">
    /// <item><see cref="WireProtocol.TlsClientHello"/>: at least 6 bytes; byte 0 is 0x16 (a TLS handshake record),
    /// byte 1 is 0x03 and byte 2 is 0x00–0x04 (the record's version, 3.x), and byte 5 is 0x01 (the handshake
    /// message is a ClientHello). Bytes 3–4 are the record's length, whatever it is.</item>
    /// <item><see cref="WireProtocol.HttpRequest"/>: the bytes start with one of the HTTP methods GET, HEAD, POST,
    /// PUT, DELETE, CONNECT, OPTIONS, TRACE or PATCH, in capitals exactly (methods are case-sensitive), followed by
    /// a space.</item>
    /// <item><see cref="WireProtocol.DnsQuery"/>: at least 17 bytes (a 12-byte header, then at least the root name
    /// and the question's type and class); bytes 0–1 are an id (any value); in byte 2 the top bit QR is 0 (a query,
    /// not a response) and the next four bits, the opcode, are 0 (a standard query); then, as big-endian 16-bit
    /// numbers, the question count (bytes 4–5) is 1, the answer count (6–7) and authority count (8–9) are 0, and
    /// the additional count (10–11) is 0 or 1 (one extra record is how clients announce EDNS).</item>
    /// </list>
    /// </summary>
    /// <param name="firstBytes">The first bytes received on a connection, or a whole datagram; may be empty.</param>
    /// <returns>The protocol, or <see cref="WireProtocol.Unknown"/>.</returns>
    public static WireProtocol Identify(ReadOnlySpan<byte> firstBytes)
    {
        if (IsTlsClientHello(firstBytes))
            return WireProtocol.TlsClientHello;
        if (IsHttpRequest(firstBytes))
            return WireProtocol.HttpRequest;
        if (IsDnsQuery(firstBytes))
            return WireProtocol.DnsQuery;
        return WireProtocol.Unknown;
    }

    private static bool IsTlsClientHello(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 6 && bytes[0] == 0x16 && bytes[1] == 0x03 && bytes[2] <= 0x04;

    private static bool IsHttpRequest(ReadOnlySpan<byte> bytes)
    {
        foreach (var method in HttpMethods)
        {
            var token = Encoding.ASCII.GetBytes(method + " ");
            if (bytes.StartsWith(token))
                return true;
        }
        return false;
    }

    private static bool IsDnsQuery(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 17)
            return false;
        var isResponse = (bytes[2] & 0x80) != 0;
        var opcode = (bytes[2] >> 3) & 0x0F;
        var questions = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);
        var authorities = BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]);
        var additional = BinaryPrimitives.ReadUInt16BigEndian(bytes[10..]);
        return !isResponse && opcode == 0 && questions == 1 && answers == 0 && authorities == 0 && additional <= 1;
    }
}
