namespace SocketCourse.Overview.Tests;

/// <summary>Step 3: where each protocol sits in the OSI seven layers and the TCP/IP four.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "3")]
public sealed class Step3_ProtocolLayersTests
{
    [Theory]
    [InlineData(OsiLayer.Physical, TcpIpLayer.Link)]
    [InlineData(OsiLayer.DataLink, TcpIpLayer.Link)]
    [InlineData(OsiLayer.Network, TcpIpLayer.Internet)]
    [InlineData(OsiLayer.Transport, TcpIpLayer.Transport)]
    [InlineData(OsiLayer.Session, TcpIpLayer.Application)]
    [InlineData(OsiLayer.Presentation, TcpIpLayer.Application)]
    [InlineData(OsiLayer.Application, TcpIpLayer.Application)]
    public void Each_OSI_layer_maps_onto_a_TCP_IP_layer(OsiLayer osi, TcpIpLayer expected)
    {
        var actual = ProtocolLayers.ToTcpIp(osi);

        Assert.True(actual == expected,
            $"ToTcpIp({osi}, OSI {(int)osi}) returned {actual}, expected {expected}. TCP/IP folds OSI 1–2 into link, " +
            "keeps 3 as internet and 4 as transport, and folds 5–7 into application.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void ToTcpIp_rejects_a_layer_that_does_not_exist(int layer)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => ProtocolLayers.ToTcpIp((OsiLayer)layer),
            $"OSI has layers 1 to 7; {layer} is none of them");
    }

    [Theory]
    [InlineData("HTTP", OsiLayer.Application, "the web's protocol, spoken over a TCP socket")]
    [InlineData("HTTPS", OsiLayer.Application, "HTTP carried over TLS is still HTTP")]
    [InlineData("WebSocket", OsiLayer.Application, "websocket is an application protocol that starts as HTTP (the seed's note)")]
    [InlineData("DNS", OsiLayer.Application, "turns names into addresses, usually over UDP port 53")]
    [InlineData("FTP", OsiLayer.Application, "file transfer over TCP")]
    [InlineData("SMTP", OsiLayer.Application, "e-mail over TCP")]
    [InlineData("SSH", OsiLayer.Application, "a remote shell over TCP port 22")]
    [InlineData("TLS", OsiLayer.Presentation, "TLS encrypts what the application says: the course places it at OSI 6")]
    [InlineData("SSL", OsiLayer.Presentation, "SSL is TLS's old name")]
    [InlineData("TCP", OsiLayer.Transport, "reliable byte stream between programs; the seed's 'socket' level")]
    [InlineData("UDP", OsiLayer.Transport, "datagrams between programs")]
    [InlineData("IP", OsiLayer.Network, "gets packets from computer to computer")]
    [InlineData("IPv4", OsiLayer.Network, "an alias of IP")]
    [InlineData("IPv6", OsiLayer.Network, "an alias of IP")]
    [InlineData("ICMP", OsiLayer.Network, "ping's protocol: carried in IP, serving IP")]
    [InlineData("ARP", OsiLayer.DataLink, "finds the MAC address of an IP on the local network: the course places it at OSI 2")]
    [InlineData("Ethernet", OsiLayer.DataLink, "frames on a wired network")]
    [InlineData("Wi-Fi", OsiLayer.DataLink, "frames over radio")]
    [InlineData("WiFi", OsiLayer.DataLink, "Wi-Fi without the hyphen")]
    [InlineData("802.11", OsiLayer.DataLink, "Wi-Fi's IEEE standard number")]
    public void Lookup_places_each_protocol_in_both_models(string protocol, OsiLayer osi, string why)
    {
        var layer = LookupKnown(protocol);

        Assert.True(layer.Osi == osi,
            $"Lookup({Show.Text(protocol)}) placed it at OSI {(int)layer.Osi} ({layer.Osi}), expected OSI {(int)osi} ({osi}): {why}.");
        var tcpIp = ExpectedTcpIp(osi);
        Assert.True(layer.TcpIp == tcpIp,
            $"Lookup({Show.Text(protocol)}) gave TCP/IP layer {layer.TcpIp}; OSI {osi} is {tcpIp} in the TCP/IP model.");
        Assert.False(string.IsNullOrWhiteSpace(layer.Protocol), $"Lookup({Show.Text(protocol)}) returned no protocol name.");
    }

    [Theory]
    [InlineData("http", "HTTP")]
    [InlineData("Tcp", "TCP")]
    [InlineData("ETHERNET", "Ethernet")]
    [InlineData(" udp ", "UDP")]
    [InlineData("ssl", "TLS")]
    [InlineData("wifi", "Wi-Fi")]
    [InlineData("WebSockets", "WebSocket")]
    public void Names_are_case_insensitive_and_aliases_agree(string asked, string usual)
    {
        var viaAsked = LookupKnown(asked);
        var viaUsual = LookupKnown(usual);

        Assert.True(viaAsked == viaUsual,
            $"Lookup({Show.Text(asked)}) gave {viaAsked}, but Lookup({Show.Text(usual)}) gave {viaUsual}: they name the same protocol. " +
            "Use a case-insensitive table (StringComparer.OrdinalIgnoreCase), trim the name, and map aliases to one entry.");
    }

    [Theory]
    [InlineData("HTTQ")]
    [InlineData("Pigeon")]
    public void An_unknown_protocol_is_a_KeyNotFoundException_that_names_it(string protocol)
    {
        var error = Expect.Throws<KeyNotFoundException>(() => ProtocolLayers.Lookup(protocol),
            $"the table does not know {protocol}");

        Assert.True(error.Message.Contains(protocol, StringComparison.Ordinal),
            $"The error says {Show.Text(error.Message)}; quote the name that was not found ({Show.Text(protocol)}).");
        Assert.True(error.Message.Contains("HTTP", StringComparison.Ordinal) || error.Message.Contains("TCP", StringComparison.Ordinal),
            $"The error says {Show.Text(error.Message)}; list some known names (such as HTTP and TCP) so the reader can correct a typo.");
    }

    [Fact]
    public void A_null_name_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => ProtocolLayers.Lookup(null!), "null is a programming error");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_an_ArgumentException(string protocol)
    {
        Expect.Throws<ArgumentException>(() => ProtocolLayers.Lookup(protocol),
            "an empty name is a bad argument, not an unknown protocol");
    }

    [Fact]
    public void KnownProtocols_lists_every_required_protocol_once()
    {
        var known = ProtocolLayers.KnownProtocols;
        string[] required = ["HTTP", "HTTPS", "WebSocket", "DNS", "FTP", "SMTP", "SSH", "TLS", "TCP", "UDP", "IP", "ICMP", "ARP", "Ethernet", "Wi-Fi"];

        Assert.True(known is not null, "KnownProtocols is null.");
        var duplicates = known.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"KnownProtocols lists {string.Join(", ", duplicates)} more than once.");
        foreach (var name in required)
        {
            var wanted = LookupKnown(name);
            Assert.True(known.Any(k => LookupKnown(k) == wanted),
                $"KnownProtocols ({Show.Truncate(string.Join(", ", known))}) has no entry for {name}.");
        }
    }

    [Fact]
    public void Every_known_protocol_can_be_looked_up_and_its_layers_agree()
    {
        foreach (var name in ProtocolLayers.KnownProtocols)
        {
            var layer = LookupKnown(name);
            Assert.True(Enum.IsDefined(layer.Osi), $"Lookup({Show.Text(name)}) gave OSI layer {(int)layer.Osi}, which does not exist.");
            Assert.True(layer.TcpIp == ExpectedTcpIp(layer.Osi),
                $"Lookup({Show.Text(name)}) says OSI {layer.Osi} but TCP/IP {layer.TcpIp}; OSI {layer.Osi} is {ExpectedTcpIp(layer.Osi)} in TCP/IP.");
        }
    }

    private static ProtocolLayer LookupKnown(string protocol)
    {
        try
        {
            return ProtocolLayers.Lookup(protocol);
        }
        catch (KeyNotFoundException e)
        {
            throw new GradingException($"Lookup({Show.Text(protocol)}) did not find it, but it is a protocol the table should know: {e.Message}", e);
        }
    }

    // The graders' own copy of the OSI → TCP/IP mapping, so Lookup's answers are checked independently of ToTcpIp.
    private static TcpIpLayer ExpectedTcpIp(OsiLayer osi) => osi switch
    {
        OsiLayer.Physical or OsiLayer.DataLink => TcpIpLayer.Link,
        OsiLayer.Network => TcpIpLayer.Internet,
        OsiLayer.Transport => TcpIpLayer.Transport,
        _ => TcpIpLayer.Application,
    };
}
