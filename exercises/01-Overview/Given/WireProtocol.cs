// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>
/// The application-layer protocol that the first bytes of a conversation belong to, as far as
/// <see cref="FirstBytes.Identify"/> can tell.
/// </summary>
public enum WireProtocol
{
    /// <summary>None of the others, or too few bytes to tell.</summary>
    Unknown,

    /// <summary>An HTTP/1.x request: text starting with a method such as <c>GET</c> and a space.</summary>
    HttpRequest,

    /// <summary>A TLS ClientHello: the first message of every HTTPS (and other TLS) connection, in binary.</summary>
    TlsClientHello,

    /// <summary>A DNS query as it travels in a UDP datagram: a 12-byte binary header, then the question.</summary>
    DnsQuery,
}
