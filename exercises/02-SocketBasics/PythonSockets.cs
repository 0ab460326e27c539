using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Step 1: Python's <c>socket.socket([family[, type[, proto]]])</c> in .NET. The same three choices —
/// address family, socket type, protocol — become the three arguments of <c>new Socket(...)</c>.
/// </summary>
public static class PythonSockets
{
    /// <summary>Python's <c>socket.IPPROTO_TCP</c>: the protocol number of TCP.</summary>
    public const int IPPROTO_TCP = 6;

    /// <summary>Python's <c>socket.IPPROTO_UDP</c>: the protocol number of UDP.</summary>
    public const int IPPROTO_UDP = 17;

    /// <summary>
    /// Maps Python's names to .NET's, without creating a socket:
    /// AF_INET → InterNetwork, AF_INET6 → InterNetworkV6, AF_UNIX → Unix;
    /// SOCK_STREAM → Stream, SOCK_DGRAM → Dgram;
    /// proto 0 → the type's default protocol (Tcp for a stream, Udp for datagrams, Unspecified for AF_UNIX),
    /// 6 (IPPROTO_TCP) → Tcp with SOCK_STREAM only, 17 (IPPROTO_UDP) → Udp with SOCK_DGRAM only.
    /// </summary>
    /// <param name="family">AF_INET, AF_INET6 or AF_UNIX, spelled as in Python.</param>
    /// <param name="type">SOCK_STREAM or SOCK_DGRAM, spelled as in Python. SOCK_RAW and others exist but are not part of this course.</param>
    /// <param name="proto">0 (the default), 6 (IPPROTO_TCP) or 17 (IPPROTO_UDP), where it fits the type.</param>
    /// <returns>The .NET family, type and protocol.</returns>
    /// <exception cref="ArgumentException">An unknown or unsupported name, or a protocol that does not fit the
    /// family and type. <see cref="ArgumentException.ParamName"/> names the argument at fault and the message
    /// says what was given and what is allowed.</exception>
    public static SocketSpec Describe(string family = "AF_INET", string type = "SOCK_STREAM", int proto = 0)
    {
        throw new NotImplementedException(
            "Step 1: map Python's family, type and proto to .NET's, rejecting what does not fit. See notebooks/02-socket-basics.ipynb, step 1.");
    }

    /// <summary>
    /// Creates the socket Python's <c>socket.socket(family, type, proto)</c> would: <see cref="Describe"/>'s
    /// family, type and protocol passed to <c>new Socket(...)</c>. With no arguments, like Python's
    /// <c>socket.socket()</c>, it is an IPv4 TCP socket.
    /// </summary>
    /// <param name="family">AF_INET, AF_INET6 or AF_UNIX.</param>
    /// <param name="type">SOCK_STREAM or SOCK_DGRAM.</param>
    /// <param name="proto">0, 6 (IPPROTO_TCP) or 17 (IPPROTO_UDP), where it fits.</param>
    /// <returns>A new, unbound socket. The caller owns it and disposes it.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Describe"/>; no socket is created.</exception>
    public static Socket Create(string family = "AF_INET", string type = "SOCK_STREAM", int proto = 0)
    {
        throw new NotImplementedException(
            "Step 1: new Socket(...) with Describe's family, type and protocol. See notebooks/02-socket-basics.ipynb, step 1.");
    }
}
