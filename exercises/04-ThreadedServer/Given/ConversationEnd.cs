// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.ThreadedServer;

/// <summary>Why <see cref="LoopingClient.Run"/> stopped talking to the server.</summary>
public enum ConversationEnd
{
    /// <summary>The user typed <c>exit</c>; it was not sent.</summary>
    TypedExit,

    /// <summary>The input ran out (end of a piped file, Ctrl+D / Ctrl+Z in a terminal).</summary>
    EndOfInput,

    /// <summary>The server closed the connection while the client waited for a reply (a Receive returned 0 bytes).</summary>
    ServerClosed,
}
