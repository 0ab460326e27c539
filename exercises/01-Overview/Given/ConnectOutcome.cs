// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>What happened when a client tried to connect: the three answers a TCP connect can get.</summary>
public enum ConnectOutcome
{
    /// <summary>
    /// A program was listening: the handshake (SYN, SYN-ACK, ACK) completed and the connection was made.
    /// </summary>
    Accepted,

    /// <summary>
    /// Nothing listens on that port: the other side's system answered the connection request with a reset (RST),
    /// and <c>Connect</c> failed with <c>SocketError.ConnectionRefused</c>. On loopback this is quick: at once on
    /// Linux and macOS, after about 2 seconds on Windows, which retries the request before giving up.
    /// </summary>
    Refused,

    /// <summary>
    /// No answer came before the deadline: the request was dropped on the way (a firewall, an unreachable
    /// address, a full listen queue on Linux). Silence is not a "no"; only a deadline ends the wait.
    /// </summary>
    TimedOut,
}
