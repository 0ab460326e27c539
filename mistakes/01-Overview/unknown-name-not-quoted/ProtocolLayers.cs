namespace SocketCourse.Overview;

/// <summary>
/// Step 3: which layer a protocol belongs to, in the OSI model and in the TCP/IP model.
/// Placements follow the usual textbook answers; where textbooks differ the choice is stated here:
/// <list type="bullet">
/// <item>TLS (and its old name SSL) is OSI 6, presentation (it encrypts what the application says), and TCP/IP application.</item>
/// <item>HTTPS is HTTP carried over TLS: an application protocol, OSI 7.</item>
/// <item>ARP resolves IP addresses to MAC addresses on one network: OSI 2, data link; TCP/IP link.</item>
/// <item>ICMP is carried inside IP but serves IP itself: OSI 3, network; TCP/IP internet.</item>
/// <item>Ethernet and Wi-Fi span the physical and data link layers; they are placed at OSI 2, data link.</item>
/// </list>
/// </summary>
public static class ProtocolLayers
{
    private static readonly Dictionary<string, ProtocolTable.Entry> ByName = BuildIndex();

    /// <summary>
    /// The names <see cref="Lookup"/> knows, one per protocol (aliases such as <c>"SSL"</c> for TLS or
    /// <c>"802.11"</c> for Wi-Fi are accepted by Lookup but not listed). At least: HTTP, HTTPS, WebSocket, DNS,
    /// FTP, SMTP, SSH, TLS, TCP, UDP, IP, ICMP, ARP, Ethernet and Wi-Fi.
    /// </summary>
    public static IReadOnlyList<string> KnownProtocols { get; } = [.. ProtocolTable.Entries.Select(e => e.Name)];

    /// <summary>
    /// Finds where <paramref name="protocol"/> sits. Names are case-insensitive and surrounding whitespace is
    /// ignored; common aliases work: <c>"IPv4"</c>/<c>"IPv6"</c> for IP, <c>"SSL"</c> for TLS,
    /// <c>"WiFi"</c>/<c>"802.11"</c> for Wi-Fi, <c>"WebSockets"</c> for WebSocket.
    /// </summary>
    /// <param name="protocol">A protocol's name, e.g. <c>"http"</c>, <c>"TCP"</c>, <c>"Wi-Fi"</c>.</param>
    /// <returns>The protocol's usual name and its OSI and TCP/IP layers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protocol"/> is empty or whitespace.</exception>
    /// <exception cref="KeyNotFoundException">The name is unknown; the message quotes it and lists some known names.</exception>
    public static ProtocolLayer Lookup(string protocol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protocol);
        if (!ByName.TryGetValue(protocol.Trim(), out var entry))
            throw new KeyNotFoundException(
                "Unknown protocol.");
        return new ProtocolLayer(entry.Name, entry.Osi, ToTcpIp(entry.Osi));
    }

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
        OsiLayer.Transport => TcpIpLayer.Transport,
        OsiLayer.Session or OsiLayer.Presentation or OsiLayer.Application => TcpIpLayer.Application,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "The OSI model has seven layers, numbered 1 to 7."),
    };

    private static Dictionary<string, ProtocolTable.Entry> BuildIndex()
    {
        var index = new Dictionary<string, ProtocolTable.Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in ProtocolTable.Entries)
        {
            index.Add(entry.Name, entry);
            foreach (var alias in entry.Aliases)
                index.Add(alias, entry);
        }
        return index;
    }
}
