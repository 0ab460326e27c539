namespace SocketCourse.Overview.Tests;

/// <summary>Step 1: badly written endpoints are rejected with an error that says what is wrong.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "1")]
public sealed class Step1_MalformedEndpointTests
{
    [Theory]
    [InlineData("", EndpointProblem.Empty, "there is nothing to read")]
    [InlineData("   ", EndpointProblem.Empty, "only spaces is as empty as nothing")]
    [InlineData(" localhost:80", EndpointProblem.Whitespace, "a leading space is not part of any host name")]
    [InlineData("localhost:80\n", EndpointProblem.Whitespace, "a newline left over from reading a line")]
    [InlineData("local host:80", EndpointProblem.Whitespace, "host names never contain spaces")]
    [InlineData("127.0.0.1: 9999", EndpointProblem.Whitespace, "int.Parse would quietly accept \" 9999\"; an endpoint has no spaces")]
    [InlineData(":80", EndpointProblem.EmptyHost, "a port alone does not say which computer")]
    [InlineData("[]:80", EndpointProblem.EmptyHost, "empty brackets hold no address")]
    [InlineData("localhost", EndpointProblem.MissingPort, "the IP (or name) picks the computer, but only the port picks the program")]
    [InlineData("127.0.0.1", EndpointProblem.MissingPort, "an address without a port")]
    [InlineData("localhost:", EndpointProblem.MissingPort, "nothing after the colon")]
    [InlineData("[::1]", EndpointProblem.MissingPort, "a bracketed IPv6 address without a port")]
    [InlineData("[::1]:", EndpointProblem.MissingPort, "nothing after the colon")]
    [InlineData("localhost:http", EndpointProblem.PortNotANumber, "a service name is not a port number")]
    [InlineData("localhost:+80", EndpointProblem.PortNotANumber, "int.Parse accepts a sign; a port is digits only")]
    [InlineData("localhost:0x50", EndpointProblem.PortNotANumber, "ports are written in decimal")]
    [InlineData("localhost:8O", EndpointProblem.PortNotANumber, "the letter O is not the digit 0")]
    [InlineData("localhost:80.5", EndpointProblem.PortNotANumber, "a port is a whole number")]
    [InlineData("localhost:65536", EndpointProblem.PortOutOfRange, "65535 is the largest 16-bit number")]
    [InlineData("localhost:70000", EndpointProblem.PortOutOfRange, "a port is 16 bits: 0–65535")]
    [InlineData("localhost:99999999999", EndpointProblem.PortOutOfRange, "digits too many for an int are still a number, just far too big")]
    [InlineData("256.1.1.1:80", EndpointProblem.InvalidIPv4, "each IPv4 number is one byte, 0–255")]
    [InlineData("1.2.3:80", EndpointProblem.InvalidIPv4, "IPAddress.Parse reads \"1.2.3\" as 1.2.0.3; an IPv4 address has four numbers")]
    [InlineData("127.1:80", EndpointProblem.InvalidIPv4, "IPAddress.Parse reads \"127.1\" as 127.0.0.1; the course's format wants all four numbers")]
    [InlineData("1.2.3.4.5:80", EndpointProblem.InvalidIPv4, "five numbers is one too many")]
    [InlineData("010.0.0.1:80", EndpointProblem.InvalidIPv4, "a leading zero means octal to some parsers (010 = 8): ambiguous, so rejected")]
    [InlineData("1..2.3:80", EndpointProblem.InvalidIPv4, "an empty number between two dots")]
    [InlineData("0x7f.0.0.1:80", EndpointProblem.InvalidIPv4, "hex numbers in IPv4 are an old inet_aton quirk")]
    [InlineData("[::g]:80", EndpointProblem.InvalidIPv6, "g is not a hex digit")]
    [InlineData("[1:2]:80", EndpointProblem.InvalidIPv6, "two groups are not an IPv6 address")]
    [InlineData("[1::2::3]:80", EndpointProblem.InvalidIPv6, ":: may appear once, or the address is ambiguous")]
    [InlineData("[127.0.0.1]:80", EndpointProblem.InvalidIPv6, "brackets are for IPv6 only")]
    [InlineData("[localhost]:80", EndpointProblem.InvalidIPv6, "brackets are for IPv6 only")]
    [InlineData("::1:80", EndpointProblem.UnbracketedIPv6, "is it ::1 port 80, or the address ::1:80? Brackets decide: [::1]:80")]
    [InlineData("::1", EndpointProblem.UnbracketedIPv6, "without a default port, several colons and no brackets cannot be split into host and port")]
    [InlineData("2001:db8::1:443", EndpointProblem.UnbracketedIPv6, "an IPv6 address followed by a port needs brackets")]
    [InlineData("[::1:80", EndpointProblem.Brackets, "'[' is never closed")]
    [InlineData("::1]:80", EndpointProblem.Brackets, "']' without '['")]
    [InlineData("[::1]80", EndpointProblem.Brackets, "after ']' comes ':' and the port, nothing else")]
    [InlineData("[[::1]]:80", EndpointProblem.Brackets, "nested brackets")]
    [InlineData("local_host:80", EndpointProblem.InvalidHostName, "'_' is not allowed in host names")]
    [InlineData("-server:80", EndpointProblem.InvalidHostName, "a label cannot start with '-'")]
    [InlineData("server-:80", EndpointProblem.InvalidHostName, "a label cannot end with '-'")]
    [InlineData("exa..mple.com:80", EndpointProblem.InvalidHostName, "two dots in a row make an empty label")]
    [InlineData(".example.com:80", EndpointProblem.InvalidHostName, "a name cannot start with a dot")]
    [InlineData("user@host:80", EndpointProblem.InvalidHostName, "'@' belongs in URLs and e-mail addresses, not host names")]
    [InlineData("例子.测试:80", EndpointProblem.InvalidHostName, "an international name must first be converted to its xn-- form (IdnMapping)")]
    [InlineData("http://localhost:80", EndpointProblem.InvalidHostName, "a URL is not an endpoint: drop the scheme")]
    public void Parse_rejects_malformed_text_naming_the_problem(string text, EndpointProblem expected, string why)
    {
        AssertRejected(text, null, expected, why);
    }

    public static TheoryData<string, EndpointProblem, string> OverlongNames() => new()
    {
        { new string('a', 64) + ".com:80", EndpointProblem.InvalidHostName, "a label has at most 63 characters" },
        { string.Join('.', Enumerable.Repeat(new string('b', 63), 4)) + ":80", EndpointProblem.InvalidHostName,
          "a host name has at most 253 characters (this one has 255)" },
    };

    [Theory]
    [MemberData(nameof(OverlongNames))]
    public void Parse_rejects_names_that_DNS_cannot_carry(string text, EndpointProblem expected, string why)
    {
        AssertRejected(text, null, expected, why);
    }

    [Fact]
    public void The_longest_legal_host_name_is_accepted()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('c', 63), 3)) + "." + new string('d', 61); // 253 characters
        var parsed = Step1_ValidEndpointTests.ParseValid(name + ":80");

        Assert.True(parsed.Host == name && parsed.Address is null && parsed.Port == 80,
            $"A 253-character name of 63-character labels is the longest DNS allows and must be accepted; got Host {Show.Text(parsed.Host)}, port {parsed.Port}.");
    }

    [Theory]
    [InlineData("local_host", 80, EndpointProblem.InvalidHostName, "a bad name stays bad when the port comes from the default")]
    [InlineData("[::1", 80, EndpointProblem.Brackets, "a default port does not mend a bracket")]
    [InlineData("::g", 80, EndpointProblem.UnbracketedIPv6, "several colons that are not an IPv6 address cannot be a host")]
    [InlineData("256.0.0.1", 80, EndpointProblem.InvalidIPv4, "the default port does not make a bad address good")]
    [InlineData("localhost:", 80, EndpointProblem.MissingPort, "a colon promises a port; the default is for text with no colon")]
    public void A_default_port_does_not_hide_other_mistakes(string text, int defaultPort, EndpointProblem expected, string why)
    {
        AssertRejected(text, defaultPort, expected, why);
    }

    [Fact]
    public void An_out_of_range_port_error_gives_the_limit()
    {
        var error = Expect.Throws<EndpointFormatException>(() => EndpointText.Parse("localhost:70000"),
            "70000 does not fit in a port's 16 bits");

        Assert.True(error.Detail.Contains("65535", StringComparison.Ordinal),
            $"The error says {Show.Text(error.Detail)}. Say what the limit is (65535), so the reader knows how to fix it.");
    }

    internal static void AssertRejected(string text, int? defaultPort, EndpointProblem expected, string why)
    {
        var input = $"{Show.Text(text)}{(defaultPort is null ? "" : $" with default port {defaultPort}")}";
        EndpointFormatException error;
        try
        {
            error = Expect.Throws<EndpointFormatException>(() => EndpointText.Parse(text, defaultPort), why);
        }
        catch (GradingException e) when (e.InnerException is null)
        {
            throw new GradingException($"Parse({input}) returned an endpoint, but this text is malformed ({expected}): {why}.");
        }
        catch (GradingException e)
        {
            throw new GradingException($"Parse({input}) should throw EndpointFormatException ({expected}): {why}. {e.Message}", e.InnerException);
        }

        Assert.True(error.Problem == expected,
            $"Parse({input}) was rejected as {error.Problem} ({Show.Text(error.Detail)}), but the problem is {expected}: {why}.");
        Assert.True(!string.IsNullOrWhiteSpace(error.Detail),
            $"Parse({input}) threw without saying what is wrong: the detail is empty. Tell the reader what to fix.");
    }
}
