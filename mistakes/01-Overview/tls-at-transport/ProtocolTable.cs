namespace SocketCourse.Overview;

/// <summary>The protocols <see cref="ProtocolLayers"/> knows, with the other names they go by.</summary>
internal static class ProtocolTable
{
    /// <summary>One protocol: its usual name, its OSI layer, and its aliases.</summary>
    public sealed record Entry(string Name, OsiLayer Osi, params string[] Aliases);

    public static readonly Entry[] Entries =
    [
        // OSI 7, application: what programs say to each other, built on top of sockets.
        new("HTTP", OsiLayer.Application),
        new("HTTPS", OsiLayer.Application, "HTTP over TLS"),
        new("WebSocket", OsiLayer.Application, "WebSockets", "WS", "WSS"),
        new("DNS", OsiLayer.Application),
        new("DHCP", OsiLayer.Application),
        new("FTP", OsiLayer.Application),
        new("SMTP", OsiLayer.Application),
        new("POP3", OsiLayer.Application),
        new("IMAP", OsiLayer.Application),
        new("SSH", OsiLayer.Application),
        new("Telnet", OsiLayer.Application),
        new("NTP", OsiLayer.Application),
        // OSI 6, presentation: how the data is represented; TLS encrypts it.
        new("TLS", OsiLayer.Transport, "SSL", "TLS/SSL", "SSL/TLS"),
        // OSI 5, session: dialogues between programs.
        new("NetBIOS", OsiLayer.Session),
        new("SOCKS", OsiLayer.Session, "SOCKS5"),
        // OSI 4, transport: program to program, with ports.
        new("TCP", OsiLayer.Transport),
        new("UDP", OsiLayer.Transport),
        new("SCTP", OsiLayer.Transport),
        // OSI 3, network: computer to computer across networks.
        new("IP", OsiLayer.Network, "IPv4", "IPv6"),
        new("ICMP", OsiLayer.Network, "ICMPv6"),
        // OSI 2, data link: neighbour to neighbour on one network.
        new("Ethernet", OsiLayer.DataLink, "IEEE 802.3", "802.3"),
        new("Wi-Fi", OsiLayer.DataLink, "WiFi", "WLAN", "802.11", "IEEE 802.11"),
        new("ARP", OsiLayer.DataLink),
        new("PPP", OsiLayer.DataLink),
        // OSI 1, physical: signals on the medium.
        new("1000BASE-T", OsiLayer.Physical, "Gigabit Ethernet"),
        new("DSL", OsiLayer.Physical),
    ];
}
