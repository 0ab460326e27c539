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

    private const string Families = "AF_INET (IPv4), AF_INET6 (IPv6) or AF_UNIX (a path on this machine)";
    private const string Types = "SOCK_STREAM (a TCP byte stream) or SOCK_DGRAM (UDP datagrams)";

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
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(type);
        var addressFamily = MapFamily(family);
        var socketType = MapType(type);
        return new SocketSpec(addressFamily, socketType, MapProtocol(addressFamily, socketType, proto));
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
        var spec = Describe(family, type, proto);
        return new Socket(spec.Family, spec.Type, spec.Protocol);
    }

    private static AddressFamily MapFamily(string family) => family switch
    {
        "AF_INET" => AddressFamily.InterNetwork,
        "AF_INET6" => AddressFamily.InterNetworkV6,
        "AF_UNIX" => AddressFamily.Unix,
        _ => throw new ArgumentException(
            $"Unknown or unsupported address family \"{family}\". Use Python's names: {Families}.", nameof(family)),
    };

    private static SocketType MapType(string type) => type switch
    {
        "SOCK_STREAM" => SocketType.Stream,
        "SOCK_DGRAM" => SocketType.Dgram,
        "SOCK_RAW" or "SOCK_SEQPACKET" or "SOCK_RDM" => throw new ArgumentException(
            $"\"{type}\" is a real socket type, but not one this course uses. Use {Types}.", nameof(type)),
        _ => throw new ArgumentException($"Unknown socket type \"{type}\". Use Python's names: {Types}.", nameof(type)),
    };

    private static ProtocolType MapProtocol(AddressFamily family, SocketType type, int proto) => (family, type, proto) switch
    {
        (AddressFamily.Unix, _, 0) => ProtocolType.Unspecified,
        (AddressFamily.Unix, SocketType.Stream, IPPROTO_TCP) => ProtocolType.Unspecified,
        (AddressFamily.Unix, _, _) => throw new ArgumentException(
            $"proto {Name(proto)} does not fit AF_UNIX: a Unix-domain socket carries no IP protocol. Pass 0.", nameof(proto)),
        (_, SocketType.Stream, 0 or IPPROTO_TCP) => ProtocolType.Tcp,
        (_, SocketType.Dgram, 0 or IPPROTO_UDP) => ProtocolType.Udp,
        (_, SocketType.Stream, _) => throw new ArgumentException(
            $"proto {Name(proto)} does not fit SOCK_STREAM: a stream socket over IP is TCP. Pass 0 (the default) or 6 (IPPROTO_TCP).", nameof(proto)),
        _ => throw new ArgumentException(
            $"proto {Name(proto)} does not fit SOCK_DGRAM: a datagram socket over IP is UDP. Pass 0 (the default) or 17 (IPPROTO_UDP).", nameof(proto)),
    };

    private static string Name(int proto) => proto switch
    {
        IPPROTO_TCP => "6 (IPPROTO_TCP)",
        IPPROTO_UDP => "17 (IPPROTO_UDP)",
        1 => "1 (IPPROTO_ICMP)",
        _ => proto.ToString(),
    };
}
