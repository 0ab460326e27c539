namespace SocketCourse.Overview.Tests;

/// <summary>Step 2: badly written endpoints are rejected with an error that says what is wrong.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "2")]
public sealed class Step2_MalformedEndpointTests
{
    [Theory(DisplayName = "Parse rejects malformed text, naming the problem")]
    [InlineData("", EndpointProblem.MissingHost, "there is nothing to read")]
    [InlineData(":80", EndpointProblem.MissingHost, "a port alone does not say which computer")]
    [InlineData("[]:80", EndpointProblem.MissingHost, "empty brackets hold no address")]
    [InlineData("localhost", EndpointProblem.MissingPort, "the IP (or name) picks the computer, but only the port picks the program")]
    [InlineData("127.0.0.1", EndpointProblem.MissingPort, "an address without a port")]
    [InlineData("localhost:", EndpointProblem.MissingPort, "nothing after the colon")]
    [InlineData("[::1]", EndpointProblem.MissingPort, "a bracketed IPv6 address without a port")]
    [InlineData("[::1]:", EndpointProblem.MissingPort, "nothing after the colon")]
    [InlineData("localhost:http", EndpointProblem.InvalidPort, "a service name is not a port number")]
    [InlineData("localhost:+80", EndpointProblem.InvalidPort, "int.Parse accepts a sign; a port is digits only")]
    [InlineData("localhost:-1", EndpointProblem.InvalidPort, "ports start at 0")]
    [InlineData("localhost:0x50", EndpointProblem.InvalidPort, "ports are written in decimal")]
    [InlineData("localhost:65536", EndpointProblem.InvalidPort, "65535 is the largest 16-bit number")]
    [InlineData("localhost:70000", EndpointProblem.InvalidPort, "a port is 16 bits: 0–65535")]
    [InlineData("localhost:99999999999", EndpointProblem.InvalidPort, "too many digits for an int, and far too big for a port (int.Parse would throw OverflowException)")]
    [InlineData("256.1.1.1:80", EndpointProblem.InvalidIPv4, "each IPv4 number is one byte, 0–255")]
    [InlineData("1.2.3:80", EndpointProblem.InvalidIPv4, "IPAddress.TryParse reads \"1.2.3\" as 1.2.0.3; an IPv4 address has four numbers")]
    [InlineData("127.1:80", EndpointProblem.InvalidIPv4, "IPAddress.TryParse reads \"127.1\" as 127.0.0.1; the endpoint format wants all four numbers")]
    [InlineData("1.2.3.4.5:80", EndpointProblem.InvalidIPv4, "five numbers is one too many")]
    [InlineData("010.0.0.1:80", EndpointProblem.InvalidIPv4, "a leading zero means octal to some parsers (010 = 8): ambiguous, so rejected")]
    [InlineData("0x7f.0.0.1:80", EndpointProblem.InvalidIPv4, "hex numbers in IPv4 are an old inet_aton quirk")]
    [InlineData("::1:80", EndpointProblem.UnbracketedIPv6, "is it ::1 port 80, or the address ::1:80? Brackets decide: [::1]:80")]
    [InlineData("::1", EndpointProblem.UnbracketedIPv6, "without a default port, several colons and no brackets cannot be split into host and port")]
    [InlineData("2001:db8::1:443", EndpointProblem.UnbracketedIPv6, "an IPv6 address followed by a port needs brackets")]
    [InlineData("[::g]:80", EndpointProblem.InvalidHost, "g is not a hex digit, so the brackets hold no IPv6 address")]
    [InlineData("[1:2]:80", EndpointProblem.InvalidHost, "two groups are not an IPv6 address")]
    [InlineData("[127.0.0.1]:80", EndpointProblem.InvalidHost, "brackets are for IPv6 only")]
    public void Parse_rejects_malformed_text_naming_the_problem(string text, EndpointProblem expected, string why)
    {
        AssertRejected(text, null, expected, why);
    }

    // Text that is wrong in a way more than one label could describe: any EndpointFormatException with a detail will do.
    [Theory(DisplayName = "Parse rejects text that is wrong in more than one way")]
    [InlineData(" localhost:80", "a leading space is not part of any host name")]
    [InlineData("localhost:80\n", "a newline left over from reading a line")]
    [InlineData("local host:80", "host names never contain spaces")]
    [InlineData("127.0.0.1: 9999", "int.Parse would quietly accept \" 9999\"; an endpoint has no spaces")]
    [InlineData("[::1:80", "'[' is never closed")]
    [InlineData("::1]:80", "']' without '['")]
    [InlineData("[::1]80", "after ']' comes ':' and the port, nothing else")]
    [InlineData("[[::1]]:80", "nested brackets")]
    [InlineData("[localhost]:80", "brackets are for IPv6 addresses, not names")]
    [InlineData("1..2.3:80", "an empty number between two dots")]
    public void Parse_rejects_text_that_is_wrong_in_more_than_one_way(string text, string why)
    {
        AssertRejected(text, null, expected: null, why);
    }

    [Theory(DisplayName = "A default port does not hide other mistakes")]
    [InlineData("256.0.0.1", 80, EndpointProblem.InvalidIPv4, "the default port does not make a bad address good")]
    [InlineData("localhost:", 80, EndpointProblem.MissingPort, "a colon promises a port; the default is for text with no colon")]
    [InlineData("localhost:http", 80, EndpointProblem.InvalidPort, "a bad port in the text is not replaced by the default")]
    public void A_default_port_does_not_hide_other_mistakes(string text, int defaultPort, EndpointProblem expected, string why)
    {
        AssertRejected(text, defaultPort, expected, why);
    }

    [Fact(DisplayName = "An out-of-range port's error gives the limit")]
    public void An_out_of_range_port_error_gives_the_limit()
    {
        var error = Expect.Throws<EndpointFormatException>(() => EndpointText.Parse("localhost:70000"),
            "70000 does not fit in a port's 16 bits");

        Assert.True(error.Detail.Contains("65535", StringComparison.Ordinal),
            $"The error says {Show.Text(error.Detail)}. Say what the limit is (65535), so the reader knows how to fix it.");
    }

    internal static void AssertRejected(string text, int? defaultPort, EndpointProblem? expected, string why)
    {
        var input = $"{Show.Text(text)}{(defaultPort is null ? "" : $" with default port {defaultPort}")}";
        var label = expected is null ? "" : $" ({expected})";
        EndpointFormatException error;
        try
        {
            error = Expect.Throws<EndpointFormatException>(() => EndpointText.Parse(text, defaultPort), why);
        }
        catch (GradingException e) when (e.InnerException is null)
        {
            throw new GradingException($"Parse({input}) returned an endpoint, but this text is malformed{label}: {why}.");
        }
        catch (GradingException e)
        {
            throw new GradingException($"Parse({input}) should throw EndpointFormatException{label}: {why}. {e.Message}", e.InnerException);
        }

        Assert.True(expected is null || error.Problem == expected,
            $"Parse({input}) was rejected as {error.Problem} ({Show.Text(error.Detail)}), but the problem is {expected}: {why}. " +
            "The order of the checks is in Parse's documentation: the first check that fails names the problem.");
        Assert.True(!string.IsNullOrWhiteSpace(error.Detail),
            $"Parse({input}) threw without saying what is wrong: the detail is empty. Tell the reader what to fix.");
    }
}
