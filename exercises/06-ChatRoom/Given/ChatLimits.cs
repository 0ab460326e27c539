// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.ChatRoom;

/// <summary>The limits of the chat protocol, stated once so the server, the client and the graders agree.</summary>
public static class ChatLimits
{
    /// <summary>The longest line a client may send, in bytes of UTF-8 without its line end. A longer line gets
    /// <see cref="ChatLines.LineTooLong"/> and the connection is closed (the reader cannot find the next line).</summary>
    public const int MaxLineBytes = 1024;

    /// <summary>The longest line the server sends, in bytes of UTF-8: a chat line is a client's line plus the
    /// sender's name, and <c>/who</c> lists every member on one line.</summary>
    public const int MaxOutgoingLineBytes = 64 * 1024;

    /// <summary>The shortest nickname, in characters.</summary>
    public const int MinNicknameLength = 1;

    /// <summary>The longest nickname, in characters (all ASCII, so also in bytes).</summary>
    public const int MaxNicknameLength = 16;

    /// <summary>How many lines a member's outbox holds by default before the member counts as too slow.</summary>
    public const int DefaultOutboxLines = 256;

    /// <summary>The demo server's port (the graders always use port 0).</summary>
    public const int DemoPort = 9996;
}
