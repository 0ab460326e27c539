// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

using System.Net;

namespace SocketCourse.SingleConnection;

/// <summary>What one served connection carried.</summary>
/// <param name="Client">The client's address and port, as Accept reported it.</param>
/// <param name="Received">The client's whole message, decoded from UTF-8.</param>
/// <param name="Replied">The reply sent back.</param>
public sealed record Exchange(IPEndPoint Client, string Received, string Replied);
