namespace SocketCourse.Overview.Tests;

/// <summary>
/// Step 2, stretch (optional): host names checked against the DNS rules, and URLs told from endpoints. These graders
/// never block the lesson: the course tool shows them as optional. Run only them with --filter-trait "Stretch=true".
/// </summary>
[Trait("Lesson", "01")]
[Trait("Step", "2")]
[Trait("Stretch", "true")]
public sealed class Step2_StretchHostNameTests
{
    [Theory(DisplayName = "Host names follow the DNS rules")]
    [InlineData("local_host:80", "'_' is not allowed in host names")]
    [InlineData("-server:80", "a label cannot start with '-'")]
    [InlineData("server-:80", "a label cannot end with '-'")]
    [InlineData("exa..mple.com:80", "two dots in a row make an empty label")]
    [InlineData(".example.com:80", "a name cannot start with a dot")]
    [InlineData("user@host:80", "'@' belongs in URLs and e-mail addresses, not host names")]
    [InlineData("例子.测试:80", "an international name must first be converted to its xn-- form (System.Globalization.IdnMapping)")]
    public void Host_names_follow_the_DNS_rules(string text, string why)
    {
        Step2_MalformedEndpointTests.AssertRejected(text, null, EndpointProblem.InvalidHost, why);
    }

    [Fact(DisplayName = "A URL is not an endpoint")]
    public void A_URL_is_not_an_endpoint()
    {
        Step2_MalformedEndpointTests.AssertRejected("http://localhost:80", null, EndpointProblem.InvalidHost,
            "a URL carries a scheme (http://) and maybe a path; Parse's order of checks rejects text containing \"://\" before splitting on colons");
    }

    public static TheoryData<string, string> OverlongNames() => new()
    {
        { new string('a', 64) + ".com:80", "a label has at most 63 characters" },
        { string.Join('.', Enumerable.Repeat(new string('b', 63), 4)) + ":80", "a host name has at most 253 characters (this one has 255)" },
    };

    [Theory(DisplayName = "Names that DNS cannot carry are rejected")]
    [MemberData(nameof(OverlongNames))]
    public void Names_that_DNS_cannot_carry_are_rejected(string text, string why)
    {
        Step2_MalformedEndpointTests.AssertRejected(text, null, EndpointProblem.InvalidHost, why);
    }

    [Fact(DisplayName = "The longest legal host name is accepted")]
    public void The_longest_legal_host_name_is_accepted()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('c', 63), 3)) + "." + new string('d', 61); // 253 characters
        var parsed = Step2_ValidEndpointTests.ParseValid(name + ":80");

        Assert.True(parsed.Host == name && parsed.Address is null && parsed.Port == 80,
            $"A 253-character name of 63-character labels is the longest DNS allows and must be accepted; got Host {Show.Text(parsed.Host)}, port {parsed.Port}.");
    }

    [Fact(DisplayName = "A default port does not mend a bad name")]
    public void A_default_port_does_not_mend_a_bad_name()
    {
        Step2_MalformedEndpointTests.AssertRejected("local_host", 80, EndpointProblem.InvalidHost,
            "a bad name stays bad when the port comes from the default");
    }
}
