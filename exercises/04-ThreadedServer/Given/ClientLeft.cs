// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.ThreadedServer;

/// <summary>How a client ended its conversation with the server, as the server's handler saw it.</summary>
public enum ClientLeft
{
    /// <summary>The client closed its socket cleanly: a Receive returned 0 bytes (end of stream).</summary>
    Closed,

    /// <summary>
    /// The connection broke: a Receive failed with <c>ConnectionReset</c> (the client aborted: Python's
    /// <c>ConnectionResetError</c>, the seed's "一个客户端关闭了连接"; Windows may say <c>ConnectionAborted</c>), or a
    /// Send to a client that has gone failed, with <c>Shutdown</c> (a broken pipe, Python's <c>BrokenPipeError</c>)
    /// or another code, depending on the platform.
    /// </summary>
    Reset,
}
