using System.Diagnostics.CodeAnalysis;

namespace SocketCourse.Overview;

/// <summary>
/// Step 1: reading and writing endpoints as text — <c>127.0.0.1:9999</c>, <c>[::1]:80</c>, <c>localhost:8080</c>.
/// Host names are checked against the rules for DNS names but never resolved: nothing here touches the network.
/// </summary>
public static class EndpointText
{
    /// <summary>
    /// Reads <c>host:port</c>. The host is an IPv4 address (<c>127.0.0.1</c>), an IPv6 address in brackets
    /// (<c>[::1]</c>) or a host name (<c>localhost</c>, <c>example.com</c>). The port is decimal digits, 0–65535.
    /// <list type="bullet">
    /// <item>When <paramref name="defaultPort"/> is given the port may be left out: <c>"localhost"</c>, <c>"[::1]"</c>,
    /// and a bare IPv6 address (<c>"::1"</c>) is read as a whole address.</item>
    /// <item>Without a default, several colons and no brackets (<c>"::1:80"</c>) are ambiguous and rejected.</item>
    /// <item>IPv4 is strict: exactly four decimal numbers 0–255 with no leading zeros (<c>"1.2.3"</c>,
    /// <c>"256.1.1.1"</c> and <c>"010.0.0.1"</c> are errors, though some parsers accept them).</item>
    /// <item>A host whose last label is all digits is taken to be an IPv4 address, as DNS names never end in a numeric label.</item>
    /// <item>No whitespace anywhere; trim input before parsing.</item>
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
            "Step 1: split host and port, check each, and name the problem when something is wrong. See notebooks/01-overview.ipynb, step 1.");
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
            "Step 1: like Parse, but return false instead of throwing. See notebooks/01-overview.ipynb, step 1.");
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
            "Step 1: join host and port, bracketing IPv6. See notebooks/01-overview.ipynb, step 1.");
    }
}
