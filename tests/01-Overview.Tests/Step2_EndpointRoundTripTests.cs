using System.Net;

namespace SocketCourse.Overview.Tests;

/// <summary>Step 2: TryParse, Format and ToIPEndPoint — from text to a socket's endpoint and back.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "2")]
public sealed class Step2_EndpointRoundTripTests
{
    [Theory(DisplayName = "TryParse answers instead of throwing")]
    [InlineData("127.0.0.1:9999", null, true)]
    [InlineData("[::1]:80", null, true)]
    [InlineData("localhost", 8080, true)]
    [InlineData("localhost", null, false)]
    [InlineData("1.2.3:80", null, false)]
    [InlineData("::1:80", null, false)]
    [InlineData("", null, false)]
    [InlineData(null, null, false)]
    public void TryParse_answers_instead_of_throwing(string? text, int? defaultPort, bool valid)
    {
        var ok = EndpointText.TryParse(text, out var endpoint, defaultPort);

        Assert.True(ok == valid,
            $"TryParse({Show.Text(text)}{(defaultPort is null ? "" : $", default port {defaultPort}")}) returned {ok}, expected {valid}.");
        if (valid)
            Assert.True(endpoint == EndpointText.Parse(text!, defaultPort),
                $"TryParse({Show.Text(text)}) gave {endpoint}, but Parse gives {EndpointText.Parse(text!, defaultPort)}: they should agree.");
        else
            Assert.True(endpoint is null, $"TryParse({Show.Text(text)}) returned false but set the endpoint to {endpoint}; it should be null.");
    }

    [Theory(DisplayName = "Format writes host:port, with IPv6 in brackets")]
    [InlineData("127.0.0.1", 9999, "127.0.0.1:9999")]
    [InlineData("localhost", 8080, "localhost:8080")]
    [InlineData("::1", 80, "[::1]:80")]
    [InlineData("2001:db8::1", 443, "[2001:db8::1]:443")]
    [InlineData("::", 0, "[::]:0")]
    public void Format_writes_host_colon_port_with_IPv6_in_brackets(string host, int port, string expected)
    {
        var text = EndpointText.Format(host, port);

        Assert.True(text == expected,
            $"Format({Show.Text(host)}, {port}) gave {Show.Text(text)}, expected {Show.Text(expected)}. " +
            "An IPv6 address is full of colons: without brackets nobody can tell where the port starts.");
    }

    [Theory(DisplayName = "Format and Parse undo each other")]
    [InlineData("127.0.0.1:9999")]
    [InlineData("[::1]:80")]
    [InlineData("[2001:db8::42]:65535")]
    [InlineData("example.com:443")]
    public void Format_and_Parse_undo_each_other(string text)
    {
        var parsed = EndpointText.Parse(text);
        var written = EndpointText.Format(parsed.Host, parsed.Port);
        var reparsed = EndpointText.Parse(written);

        Assert.True(reparsed == parsed,
            $"Parse({Show.Text(text)}) gave {parsed}; Format wrote {Show.Text(written)}; parsing that gave {reparsed}. They should match.");
    }

    [Theory(DisplayName = "Format rejects a port outside 0–65535")]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Format_rejects_a_port_outside_0_to_65535(int port)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => EndpointText.Format("localhost", port),
            $"{port} is not a port: ports are 0–65535");
    }

    [Theory(DisplayName = "An IP literal becomes an IPEndPoint")]
    [InlineData("127.0.0.1:9999", "127.0.0.1", 9999)]
    [InlineData("[::1]:80", "::1", 80)]
    [InlineData("0.0.0.0:0", "0.0.0.0", 0)]
    public void An_IP_literal_becomes_an_IPEndPoint(string text, string address, int port)
    {
        var endpoint = EndpointText.Parse(text).ToIPEndPoint();

        var expected = new IPEndPoint(IPAddress.Parse(address), port);
        Assert.True(expected.Equals(endpoint),
            $"Parse({Show.Text(text)}).ToIPEndPoint() gave {endpoint}, expected {expected}: the endpoint a socket can Bind or Connect to.");
    }

    [Theory(DisplayName = "A host name must be resolved before it is an IPEndPoint")]
    [InlineData("localhost")]
    [InlineData("example.com")]
    public void A_host_name_must_be_resolved_before_it_is_an_IPEndPoint(string host)
    {
        var named = new HostAndPort(host, null, 80);

        var error = Expect.Throws<InvalidOperationException>(() => named.ToIPEndPoint(),
            $"\"{host}\" is a name; an IPEndPoint needs an address, and only DNS can give one");
        Assert.True(error.Message.Contains(host, StringComparison.Ordinal) && error.Message.Contains("resolve", StringComparison.OrdinalIgnoreCase),
            $"The error says {Show.Text(error.Message)}. Name the host and say to resolve it first (Dns.GetHostAddressesAsync).");
    }
}
