using System.Diagnostics.CodeAnalysis;

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
        throw new NotImplementedException(
            "Step 2: split host and port, check each, and name the problem when something is wrong. See notebooks/01-overview.ipynb, step 2.");
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
        throw new NotImplementedException(
            "Step 2: like Parse, but return false instead of throwing. See notebooks/01-overview.ipynb, step 2.");
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
        throw new NotImplementedException(
            "Step 2: join host and port, bracketing IPv6. See notebooks/01-overview.ipynb, step 2.");
    }
}
