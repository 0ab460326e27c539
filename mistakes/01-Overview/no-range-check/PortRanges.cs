namespace SocketCourse.Overview;

/// <summary>
/// Step 2: ports. A port is a 16-bit number that picks one program on a computer, as the IP address
/// picks the computer.
/// </summary>
public static class PortRanges
{
    /// <summary>The smallest port number, 0. Binding to port 0 asks the system to choose a free port.</summary>
    public const int MinPort = 0;

    /// <summary>The largest port number, 65535 (2^16 − 1): a port is 16 bits in the TCP and UDP headers.</summary>
    public const int MaxPort = 65535;

    private const int FirstRegistered = 1024;
    private const int FirstDynamic = 49152;

    /// <summary>Says which IANA range <paramref name="port"/> falls in: well-known, registered or dynamic.</summary>
    /// <param name="port">A port number, 0–65535.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535; the parameter
    /// name is <c>port</c> and the message gives the valid range.</exception>
    public static PortClass Classify(int port)
    {
        return port switch
        {
            < FirstRegistered => PortClass.WellKnown,
            < FirstDynamic => PortClass.Registered,
            _ => PortClass.Dynamic,
        };
    }

    /// <summary>
    /// Whether an ordinary user's program is refused <paramref name="port"/> under the classic Unix rule, which Linux
    /// applies by default: ports 1–1023 need root (or the CAP_NET_BIND_SERVICE capability). Port 0 is not privileged:
    /// it asks for any free port, which the system takes from the unprivileged range. The rule is a default, not a
    /// law: Linux moves the boundary with the setting <c>net.ipv4.ip_unprivileged_port_start</c> (containers often set
    /// it to 0), macOS dropped the rule in 10.14 (Mojave) for binds to all addresses, and Windows never had it.
    /// </summary>
    /// <param name="port">A port number, 0–65535.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535.</exception>
    public static bool IsPrivilegedByDefaultOnLinux(int port)
    {
        CheckRange(port);
        return port is > 0 and < FirstRegistered;
    }

    private static void CheckRange(int port)
    {
        if (port is < MinPort or > MaxPort)
            throw new ArgumentOutOfRangeException(nameof(port), port,
                $"A port is a 16-bit number, {MinPort}–{MaxPort}; {port} is outside that range.");
    }
}
