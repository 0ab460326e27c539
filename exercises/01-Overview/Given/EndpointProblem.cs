// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>What is wrong with an endpoint's text; carried by <see cref="EndpointFormatException"/>.</summary>
public enum EndpointProblem
{
    /// <summary>The text is empty or only whitespace.</summary>
    Empty,

    /// <summary>The text contains whitespace (inside, before or after): <c>"local host:80"</c>, <c>" localhost:80"</c>.</summary>
    Whitespace,

    /// <summary>Nothing before the port: <c>":80"</c>, <c>"[]:80"</c>.</summary>
    EmptyHost,

    /// <summary>No port and no default port (<c>"localhost"</c>), or nothing after the colon (<c>"localhost:"</c>).</summary>
    MissingPort,

    /// <summary>The port is not plain decimal digits: <c>"localhost:http"</c>, <c>"localhost:+80"</c>, <c>"localhost:0x50"</c>.</summary>
    PortNotANumber,

    /// <summary>The port is a number above 65535, the largest 16-bit port: <c>"localhost:70000"</c>. The detail names the limit, 65535.</summary>
    PortOutOfRange,

    /// <summary>
    /// The host looks like an IPv4 address (its last label is all digits) but is not four decimal numbers
    /// 0–255 without leading zeros: <c>"256.1.1.1"</c>, <c>"1.2.3"</c>, <c>"01.2.3.4"</c>.
    /// </summary>
    InvalidIPv4,

    /// <summary>The text in brackets is not an IPv6 address: <c>"[::g]:80"</c>, <c>"[1:2]:80"</c>, <c>"[127.0.0.1]:80"</c>.</summary>
    InvalidIPv6,

    /// <summary>
    /// Several colons without brackets when a port is expected: <c>"::1:80"</c> could be the address
    /// <c>::1</c> with port 80 or the address <c>::1:80</c>. Write <c>"[::1]:80"</c>.
    /// </summary>
    UnbracketedIPv6,

    /// <summary>Unbalanced, nested or misplaced brackets: <c>"[::1:80"</c>, <c>"::1]:80"</c>, <c>"[::1]80"</c>.</summary>
    Brackets,

    /// <summary>
    /// The host is neither an IP address nor a valid host name: labels of 1–63 ASCII letters, digits and
    /// hyphens, not starting or ending with a hyphen, separated by single dots, 253 characters at most.
    /// A URL such as <c>"http://localhost:80"</c> is not an endpoint either: it lands here.
    /// </summary>
    InvalidHostName,
}
