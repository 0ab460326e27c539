// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.SocketBasics;

/// <summary>How big a UDP datagram can be.</summary>
public static class UdpLimits
{
    /// <summary>
    /// The largest UDP payload over IPv4: 65,535 bytes (the IP packet's length field) minus the 20-byte
    /// IPv4 header and the 8-byte UDP header. A larger Send fails with SocketError.MessageSize.
    /// </summary>
    public const int MaxPayload = 65_507;
}
