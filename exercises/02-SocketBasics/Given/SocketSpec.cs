// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// The three arguments .NET's <c>new Socket(family, type, protocol)</c> takes: the same three questions
/// Python's <c>socket.socket(family, type, proto)</c> asks, in .NET's names.
/// </summary>
/// <param name="Family">Where the socket's addresses live: IPv4, IPv6, or a path on this machine (Unix).</param>
/// <param name="Type">How data moves: a byte stream (Stream) or separate datagrams (Dgram).</param>
/// <param name="Protocol">The protocol carrying it: Tcp, Udp, or Unspecified (0) for a Unix-domain socket.</param>
public sealed record SocketSpec(AddressFamily Family, SocketType Type, ProtocolType Protocol);
