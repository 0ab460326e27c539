// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>The four layers of the TCP/IP model, the one the Internet actually runs on, numbered from the wire up.</summary>
public enum TcpIpLayer
{
    /// <summary>1, Link (OSI 1–2): Ethernet, Wi-Fi, ARP.</summary>
    Link = 1,

    /// <summary>2, Internet (OSI 3): IP, ICMP.</summary>
    Internet = 2,

    /// <summary>3, Transport (OSI 4): TCP, UDP. The operating system implements everything up to here.</summary>
    Transport = 3,

    /// <summary>4, Application (OSI 5–7): HTTP, TLS, DNS, and your own protocols, written on top of sockets.</summary>
    Application = 4,
}
