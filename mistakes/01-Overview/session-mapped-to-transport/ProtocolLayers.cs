namespace SocketCourse.Overview;

/// <summary>
/// Step 3: the two layer models side by side. The OSI model (七层网络协议模型) has seven layers and gives everyone the
/// vocabulary ("a layer-7 load balancer"); the TCP/IP model has four and is what the Internet runs. What a socket
/// hands you belongs to the top of both: OSI 5–7, TCP/IP application.
/// </summary>
public static class ProtocolLayers
{
    /// <summary>
    /// The TCP/IP layer that does the work of an OSI layer: physical and data link are link; network is
    /// internet; transport is transport; session, presentation and application are all application.
    /// </summary>
    /// <param name="layer">An OSI layer.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not one of the seven layers.</exception>
    public static TcpIpLayer ToTcpIp(OsiLayer layer) => layer switch
    {
        OsiLayer.Physical or OsiLayer.DataLink => TcpIpLayer.Link,
        OsiLayer.Network => TcpIpLayer.Internet,
        OsiLayer.Transport or OsiLayer.Session => TcpIpLayer.Transport,
        OsiLayer.Presentation or OsiLayer.Application => TcpIpLayer.Application,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "The OSI model has seven layers, numbered 1 to 7."),
    };
}
