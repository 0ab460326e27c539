using System.Net;

namespace SocketCourse.Overview.Tests;

/// <summary>Step 2: endpoints that are well written are read into host, address and port.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "2")]
public sealed class Step2_ValidEndpointTests
{
    [Theory(DisplayName = "Parse reads the host, its address and the port")]
    [InlineData("127.0.0.1:9999", "127.0.0.1", "127.0.0.1", 9999, "the seed's server: IPv4 loopback, port 9999")]
    [InlineData("0.0.0.0:80", "0.0.0.0", "0.0.0.0", 80, "0.0.0.0 is 'every interface' when a server binds it")]
    [InlineData("255.255.255.255:65535", "255.255.255.255", "255.255.255.255", 65535, "the largest IPv4 number and the largest port")]
    [InlineData("192.168.1.20:0", "192.168.1.20", "192.168.1.20", 0, "port 0 is in range: binding it asks the system to pick a port")]
    [InlineData("[::1]:80", "::1", "::1", 80, "IPv6 loopback in brackets")]
    [InlineData("[::]:8080", "::", "::", 8080, ":: is IPv6's 'every interface'")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1", "2001:db8::1", 443, "an IPv6 address with :: standing for zero groups")]
    [InlineData("[0:0:0:0:0:0:0:1]:80", "0:0:0:0:0:0:0:1", "::1", 80, "the long form of ::1")]
    [InlineData("[::ffff:127.0.0.1]:9999", "::ffff:127.0.0.1", "::ffff:127.0.0.1", 9999, "an IPv4-mapped IPv6 address")]
    [InlineData("localhost:8080", "localhost", null, 8080, "localhost is a host name: DNS (or the hosts file) turns it into 127.0.0.1 and ::1")]
    [InlineData("LocalHost:8080", "LocalHost", null, 8080, "host names are case-insensitive; keep them as written")]
    [InlineData("example.com:443", "example.com", null, 443, "a host name is checked, not resolved: no network needed")]
    [InlineData("my-server.internal:22", "my-server.internal", null, 22, "hyphens are allowed inside a label")]
    [InlineData("123.example.com:80", "123.example.com", null, 80, "a label may be all digits, as long as it is not the last one")]
    [InlineData("xn--fsqu00a.xn--0zwm56d:80", "xn--fsqu00a.xn--0zwm56d", null, 80, "an international name in its ASCII (xn--) form")]
    [InlineData("a:1", "a", null, 1, "a one-letter host name")]
    public void Parse_reads_host_address_and_port(string text, string host, string? address, int port, string why)
    {
        var parsed = ParseValid(text);

        AssertParsed(text, parsed, host, address, port, why);
    }

    [Theory(DisplayName = "A default port fills in a missing port")]
    [InlineData("localhost", 80, "localhost", null, 80, "no port in the text: the default is used")]
    [InlineData("127.0.0.1", 9999, "127.0.0.1", "127.0.0.1", 9999, "an IPv4 address without a port")]
    [InlineData("[::1]", 443, "::1", "::1", 443, "a bracketed IPv6 address without a port")]
    [InlineData("::1", 443, "::1", "::1", 443, "with a default port, a bare IPv6 address is read as a whole address")]
    [InlineData("2001:db8::1", 53, "2001:db8::1", "2001:db8::1", 53, "a bare IPv6 address with a default port")]
    [InlineData("localhost:8080", 80, "localhost", null, 8080, "a port in the text wins over the default")]
    [InlineData("[::1]:8080", 80, "::1", "::1", 8080, "a port in the text wins over the default")]
    public void A_default_port_fills_in_a_missing_port(string text, int defaultPort, string host, string? address, int port, string why)
    {
        var parsed = ParseValid(text, defaultPort);

        AssertParsed($"{text} (default port {defaultPort})", parsed, host, address, port, why);
    }

    [Fact(DisplayName = "A null text is an ArgumentNullException")]
    public void A_null_text_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => EndpointText.Parse(null!),
            "null is a programming error, not badly written text");
    }

    [Theory(DisplayName = "A default port outside 0–65535 is an ArgumentOutOfRangeException")]
    [InlineData(-1)]
    [InlineData(65536)]
    public void A_default_port_outside_0_to_65535_is_an_ArgumentOutOfRangeException(int defaultPort)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => EndpointText.Parse("localhost", defaultPort),
            $"the default port {defaultPort} comes from the program, not from the text: it is an argument error");
    }

    internal static HostAndPort ParseValid(string text, int? defaultPort = null)
    {
        try
        {
            return EndpointText.Parse(text, defaultPort);
        }
        catch (EndpointFormatException e)
        {
            throw new GradingException(
                $"{Show.Text(text)}{(defaultPort is null ? "" : $" with default port {defaultPort}")} is a valid endpoint, but Parse rejected it as {e.Problem}: {e.Detail}", e);
        }
    }

    private static void AssertParsed(string input, HostAndPort parsed, string host, string? address, int port, string why)
    {
        Assert.True(parsed is not null, $"Parse({Show.Text(input)}) returned null.");
        Assert.True(parsed.Host == host,
            $"Parse({Show.Text(input)}): Host is {Show.Text(parsed.Host)}, expected {Show.Text(host)} — the host as written, without brackets ({why}).");
        if (address is null)
        {
            Assert.True(parsed.Address is null,
                $"Parse({Show.Text(input)}): Address is {parsed.Address}, expected null. {Show.Text(host)} is a host name: " +
                "only resolving it (DNS) gives addresses, and Parse must not touch the network.");
            Assert.True(parsed.IsHostName, $"Parse({Show.Text(input)}): IsHostName should be true for a name.");
        }
        else
        {
            Assert.True(IPAddress.Parse(address).Equals(parsed.Address),
                $"Parse({Show.Text(input)}): Address is {parsed.Address?.ToString() ?? "null"}, expected {address} ({why}). " +
                "An IP literal in the text gives its IPAddress directly.");
        }
        Assert.True(parsed.Port == port, $"Parse({Show.Text(input)}): Port is {parsed.Port}, expected {port} ({why}).");
    }
}
