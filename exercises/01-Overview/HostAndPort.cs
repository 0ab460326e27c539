using System.Net;

namespace SocketCourse.Overview;

/// <summary>
/// An endpoint as people write it: a host and a port. The host is either an IP address (it picks the
/// computer directly) or a host name such as <c>localhost</c> that DNS must resolve to addresses first.
/// </summary>
/// <param name="Host">The host as written, without IPv6 brackets: <c>"127.0.0.1"</c>, <c>"::1"</c>, <c>"localhost"</c>.</param>
/// <param name="Address">The IP address when <paramref name="Host"/> is an IP literal; <see langword="null"/>
/// when it is a host name, which still has to be resolved.</param>
/// <param name="Port">The port, 0–65535: it picks the program on that computer.</param>
public sealed record HostAndPort(string Host, IPAddress? Address, int Port)
{
    /// <summary>True when the host is a name (such as <c>localhost</c>) rather than an IP address.</summary>
    public bool IsHostName => Address is null;

    /// <summary>
    /// The <see cref="IPEndPoint"/> a socket can bind or connect to: <see cref="Address"/> and <see cref="Port"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The host is a name, not an address: the message says to
    /// resolve it first (e.g. with <see cref="Dns.GetHostAddressesAsync(string)"/>) and names the host.</exception>
    public IPEndPoint ToIPEndPoint()
    {
        throw new NotImplementedException(
            "Step 2: build an IPEndPoint from Address and Port, or explain that a host name must be resolved first. See notebooks/01-overview.ipynb, step 2.");
    }
}
