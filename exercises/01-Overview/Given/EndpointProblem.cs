// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>
/// What is wrong with an endpoint's text; carried by <see cref="EndpointFormatException"/>. Six kinds, the ones
/// a person fixing the text must tell apart. <see cref="EndpointText.Parse"/> says in which order they are checked.
/// </summary>
public enum EndpointProblem
{
    /// <summary>There is no host: <c>""</c>, <c>":80"</c>, <c>"[]:80"</c>. Without an address (or a name) no computer is picked.</summary>
    MissingHost,

    /// <summary>No port and no default port (<c>"localhost"</c>, <c>"[::1]"</c>), or nothing after the colon
    /// (<c>"localhost:"</c>). The address picks the computer, but only the port picks the program.</summary>
    MissingPort,

    /// <summary>
    /// The port is not a number from 0 to 65535 written in plain decimal digits: <c>"localhost:http"</c>,
    /// <c>"localhost:+80"</c>, <c>"localhost:70000"</c>, <c>"localhost:99999999999"</c>. A port is 16 bits;
    /// the detail names the limit, 65535.
    /// </summary>
    InvalidPort,

    /// <summary>
    /// The host looks like an IPv4 address (its last dot-separated part is all digits) but is not exactly four
    /// decimal numbers 0–255 without leading zeros: <c>"256.1.1.1"</c>, <c>"1.2.3"</c>, <c>"010.0.0.1"</c>.
    /// </summary>
    InvalidIPv4,

    /// <summary>
    /// Several colons and no brackets where a port is expected: <c>"::1:80"</c> could be the address <c>::1</c>
    /// with port 80 or the address <c>::1:80</c>. IPv6 addresses take brackets in an endpoint: <c>"[::1]:80"</c>.
    /// </summary>
    UnbracketedIPv6,

    /// <summary>
    /// Anything else wrong with the host or the punctuation around it: brackets that do not hold an IPv6 address
    /// (<c>"[127.0.0.1]:80"</c>, <c>"[::g]:80"</c>), unbalanced or misplaced brackets (<c>"[::1:80"</c>,
    /// <c>"[::1]80"</c>), whitespace (<c>"local host:80"</c>), or a host that is no valid host name.
    /// </summary>
    InvalidHost,
}
