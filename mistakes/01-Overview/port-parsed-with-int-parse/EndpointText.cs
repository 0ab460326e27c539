using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Overview;

/// <summary>
/// Step 2: reading and writing endpoints as text — <c>127.0.0.1:9999</c>, <c>[::1]:80</c>, <c>localhost:8080</c>.
/// Host names are checked but never resolved: nothing here touches the network.
/// </summary>
public static class EndpointText
{
    /// <summary>
    /// Reads <c>host:port</c>. The host is an IPv4 address (<c>127.0.0.1</c>), an IPv6 address in brackets
    /// (<c>[::1]</c>) or a host name (<c>localhost</c>, <c>example.com</c>). The port is decimal digits, 0–65535.
    /// Nothing here touches the network: a host name is kept as written, to be resolved later.
    /// <para>The checks run in this order, and the first that fails names the problem:</para>
    /// <list type="number">
    /// <item><paramref name="text"/> is null: <see cref="ArgumentNullException"/>; <paramref name="defaultPort"/> outside
    /// 0–65535: <see cref="ArgumentOutOfRangeException"/>.</item>
    /// <item>Empty text: <see cref="EndpointProblem.MissingHost"/>. Text with whitespace anywhere, or a URL (it contains
    /// <c>"://"</c>): <see cref="EndpointProblem.InvalidHost"/>.</item>
    /// <item>Split host from port. Text starting with <c>[</c> holds an IPv6 address up to <c>]</c>, followed by nothing
    /// or by <c>:</c> and the port; any other use of brackets is <see cref="EndpointProblem.InvalidHost"/>. Without
    /// brackets: no colon means no port; one colon splits host and port; several colons are
    /// <see cref="EndpointProblem.UnbracketedIPv6"/>, unless a default port is given and the whole text is an IPv6
    /// address (<c>"::1"</c>).</item>
    /// <item>The port: none and no default, or nothing after the colon, is <see cref="EndpointProblem.MissingPort"/>;
    /// anything but decimal digits, or a number above 65535 however many digits it has, is
    /// <see cref="EndpointProblem.InvalidPort"/>.</item>
    /// <item>The host: empty is <see cref="EndpointProblem.MissingHost"/>. In brackets it must be an IPv6 address, else
    /// <see cref="EndpointProblem.InvalidHost"/>. A host whose last dot-separated part is all digits is IPv4 and must be
    /// exactly four decimal numbers 0–255 without leading zeros, else <see cref="EndpointProblem.InvalidIPv4"/>
    /// (<c>IPAddress.TryParse</c> is too lenient here: it reads <c>"1.2.3"</c> as 1.2.0.3). Anything else is a host
    /// name. Stretch (optional graders): check it against the DNS rules — dot-separated labels of 1–63 ASCII letters,
    /// digits and <c>-</c>, no <c>-</c> at either end of a label, 253 characters in all, so an international name
    /// only in its <c>xn--</c> form; a name that breaks them is <see cref="EndpointProblem.InvalidHost"/>.</item>
    /// </list>
    /// </summary>
    /// <param name="text">The endpoint's text.</param>
    /// <param name="defaultPort">The port to use when the text has none, or <see langword="null"/> to require a port.</param>
    /// <returns>The host (with its <see cref="HostAndPort.Address"/> for IP literals) and the port.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="defaultPort"/> is outside 0–65535.</exception>
    /// <exception cref="EndpointFormatException">The text is not an endpoint; <see cref="EndpointFormatException.Problem"/>
    /// says why (see <see cref="EndpointProblem"/>).</exception>
    public static HostAndPort Parse(string text, int? defaultPort = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (defaultPort is { } port)
            CheckPort(port, nameof(defaultPort));

        var (host, portText, bracketed) = Split(text, defaultPort is not null);
        var parsedPort = ParsePort(text, portText, defaultPort);
        return new HostAndPort(host, ParseHost(text, host, bracketed), parsedPort);
    }

    /// <summary>
    /// Like <see cref="Parse"/>, but returns <see langword="false"/> instead of throwing when the text is
    /// null or not an endpoint.
    /// </summary>
    /// <param name="text">The endpoint's text.</param>
    /// <param name="endpoint">The endpoint when the result is <see langword="true"/>; otherwise <see langword="null"/>.</param>
    /// <param name="defaultPort">The port to use when the text has none.</param>
    /// <returns>Whether <paramref name="text"/> is an endpoint.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out HostAndPort? endpoint, int? defaultPort = null)
    {
        endpoint = null;
        if (text is null)
            return false;
        try
        {
            endpoint = Parse(text, defaultPort);
            return true;
        }
        catch (EndpointFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes <c>host:port</c> so that <see cref="Parse"/> reads it back: an IPv6 address (a host containing
    /// <c>:</c>) goes in brackets, <c>[::1]:80</c>; anything else is written as is, <c>localhost:8080</c>.
    /// </summary>
    /// <param name="host">An IP address or host name, without brackets.</param>
    /// <param name="port">The port, 0–65535.</param>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535.</exception>
    public static string Format(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        CheckPort(port, nameof(port));
        return host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
    }

    /// <summary>Splits the text into host and port text (null when there is no port), checking the punctuation.</summary>
    private static (string Host, string? Port, bool Bracketed) Split(string text, bool portOptional)
    {
        if (text.Length == 0)
            throw Problem(EndpointProblem.MissingHost, text, "the text is empty; an endpoint looks like 127.0.0.1:9999 or localhost:8080");
        var space = Array.FindIndex(text.ToCharArray(), char.IsWhiteSpace);
        if (space >= 0)
            throw Problem(EndpointProblem.InvalidHost, text,
                $"whitespace at position {space}; an endpoint has none (trim input before parsing)");
        if (text.Contains("://", StringComparison.Ordinal))
            throw Problem(EndpointProblem.InvalidHost, text,
                "this is a URL, not an endpoint; an endpoint is only host:port (the scheme and path belong to the URL)");

        if (text[0] == '[')
            return SplitBracketed(text);
        if (text.Contains('[') || text.Contains(']'))
            throw Problem(EndpointProblem.InvalidHost, text, "brackets must enclose the whole host at the start, as in [::1]:80");

        var colon = text.IndexOf(':');
        if (colon < 0)
            return (text, null, false);
        if (colon == text.LastIndexOf(':'))
            return (text[..colon], text[(colon + 1)..], false);

        // Several colons and no brackets: a bare IPv6 address, with no room for a port.
        if (portOptional && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            return (text, null, true);
        throw Problem(EndpointProblem.UnbracketedIPv6, text,
            "an IPv6 address is full of colons, so the port's colon is ambiguous; put the address in brackets: [::1]:80");
    }

    private static (string Host, string? Port, bool Bracketed) SplitBracketed(string text)
    {
        var close = text.IndexOf(']');
        if (close < 0)
            throw Problem(EndpointProblem.InvalidHost, text, "'[' is never closed with ']'");
        var host = text[1..close];
        var rest = text[(close + 1)..];
        if (host.Contains('[') || rest.Contains('[') || rest.Contains(']'))
            throw Problem(EndpointProblem.InvalidHost, text, "only one pair of brackets, around the IPv6 address: [::1]:80");
        if (rest.Length > 0 && rest[0] != ':')
            throw Problem(EndpointProblem.InvalidHost, text, $"after ']' only ':' and the port may follow, not \"{rest}\"");
        return (host, rest.Length == 0 ? null : rest[1..], true);
    }

    private static IPAddress? ParseHost(string text, string host, bool bracketed)
    {
        if (host.Length == 0)
            throw Problem(EndpointProblem.MissingHost, text, "there is no host before the port; write one, e.g. 127.0.0.1:9999");

        string? problem;
        if (bracketed)
        {
            var v6 = HostRules.ParseIPv6(host, out problem);
            return v6 ?? throw Problem(EndpointProblem.InvalidHost, text, problem!);
        }
        if (HostRules.LooksLikeIPv4(host))
        {
            var v4 = HostRules.ParseIPv4(host, out problem);
            return v4 ?? throw Problem(EndpointProblem.InvalidIPv4, text, problem!);
        }
        problem = HostRules.HostNameProblem(host);
        return problem is null ? null : throw Problem(EndpointProblem.InvalidHost, text, problem);
    }

    private static int ParsePort(string text, string? portText, int? defaultPort)
    {
        if (portText is null)
            return defaultPort ?? throw Problem(EndpointProblem.MissingPort, text,
                "no port; the port picks the program on the host, so write host:port, e.g. localhost:8080");
        if (portText.Length == 0)
            throw Problem(EndpointProblem.MissingPort, text, "nothing after ':'; write the port number there");
        if (!int.TryParse(portText, out _) && !portText.All(char.IsAsciiDigit))
            throw Problem(EndpointProblem.InvalidPort, text,
                $"the port \"{portText}\" is not a number; a port is written in decimal digits only, 0–{PortRanges.MaxPort}");
        // Digits only, but maybe too many for an int: compare lengths first, so "99999999999" is "too big", not an overflow.
        var digits = portText.TrimStart('0');
        if (digits.Length > 5 || (digits.Length > 0 && int.Parse(digits) > PortRanges.MaxPort))
            throw Problem(EndpointProblem.InvalidPort, text,
                $"port {portText} is above {PortRanges.MaxPort}, the largest port (a port is 16 bits: 0–{PortRanges.MaxPort})");
        return digits.Length == 0 ? 0 : int.Parse(digits);
    }

    private static void CheckPort(int port, string name)
    {
        if (port is < PortRanges.MinPort or > PortRanges.MaxPort)
            throw new ArgumentOutOfRangeException(name, port, $"A port is 0–{PortRanges.MaxPort}; {port} is outside that range.");
    }

    private static EndpointFormatException Problem(EndpointProblem problem, string text, string detail) => new(problem, text, detail);
}
