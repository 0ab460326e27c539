using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Testing;

/// <summary>Loopback addresses and ports for graders: nothing a grader does leaves this machine.</summary>
public static class Loopback
{
    /// <summary>127.0.0.1 with port 0: bind here and the system picks a free port.</summary>
    public static IPEndPoint AnyPort => new(IPAddress.Loopback, 0);

    /// <summary>
    /// A loopback port that nothing listens on right now: bound, read back, and released.
    /// Connecting to it is refused.
    /// </summary>
    public static IPEndPoint UnusedEndPoint()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(AnyPort);
        return (IPEndPoint)probe.LocalEndPoint!;
    }

    /// <summary>Reads the port a bound socket really got (the answer to "which port did port 0 give me?").</summary>
    public static int PortOf(Socket socket) =>
        (socket.LocalEndPoint as IPEndPoint)?.Port
        ?? throw new GradingException("The socket is not bound to an IP endpoint: LocalEndPoint is " +
                                      (socket.LocalEndPoint?.ToString() ?? "null (Bind() has not run)") + ".");
}
