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
    public static TcpIpLayer ToTcpIp(OsiLayer layer)
    {
        throw new NotImplementedException(
            "Step 3: map the seven OSI layers onto the four TCP/IP layers. See notebooks/01-overview.ipynb, step 3.");
    }
}
