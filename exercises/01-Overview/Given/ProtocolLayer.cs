// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>Where a protocol sits in both models.</summary>
/// <param name="Protocol">The protocol's usual name, e.g. <c>"HTTP"</c>, <c>"Wi-Fi"</c>.</param>
/// <param name="Osi">Its layer in the seven-layer OSI model.</param>
/// <param name="TcpIp">Its layer in the four-layer TCP/IP model.</param>
public sealed record ProtocolLayer(string Protocol, OsiLayer Osi, TcpIpLayer TcpIp)
{
    /// <summary>The OSI layer's number, 1 (physical) to 7 (application).</summary>
    public int OsiNumber => (int)Osi;
}
