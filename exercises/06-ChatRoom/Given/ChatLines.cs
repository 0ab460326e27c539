// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.ChatRoom;

/// <summary>
/// Every line the chat server sends, built in one place, so the server, the client, the graders and lessons 07 and 08
/// spell them the same way. Lines come without their line end (the writer adds <c>\n</c>). Notices start with
/// <c>* </c>, errors with <c>! </c>, chat lines with <c>&lt;</c> and private messages with <c>[private] </c>.
/// </summary>
public static class ChatLines
{
    /// <summary>What every notice starts with.</summary>
    public const string NoticePrefix = "* ";

    /// <summary>What every error reply starts with.</summary>
    public const string ErrorPrefix = "! ";

    /// <summary>The first line a new connection gets.</summary>
    public const string Greeting = NoticePrefix + "welcome to the chat room; type your nickname";

    /// <summary>To every member, the new one included: <c>* alice joined</c>.</summary>
    public static string Joined(string nickname) => $"{NoticePrefix}{nickname} joined";

    /// <summary>To the others when a member quits, closes or is cut off: <c>* alice left</c>.</summary>
    public static string Left(string nickname) => $"{NoticePrefix}{nickname} left";

    /// <summary>To the others when a member was dropped because its outbox overflowed: <c>* alice left (too slow)</c>.</summary>
    public static string DroppedTooSlow(string nickname) => $"{NoticePrefix}{nickname} left (too slow)";

    /// <summary>To every member, the renamed one included: <c>* alice is now alicia</c>.</summary>
    public static string Renamed(string oldNickname, string newNickname) => $"{NoticePrefix}{oldNickname} is now {newNickname}";

    /// <summary>A chat line, to every member but its sender: <c>&lt;alice&gt; hello</c>.</summary>
    public static string Chat(string from, string text) => $"<{from}> {text}";

    /// <summary>A private message, to its addressee only: <c>[private] &lt;alice&gt; psst</c>.</summary>
    public static string Private(string from, string text) => $"[private] <{from}> {text}";

    /// <summary>The answer to <c>/who</c>: <c>* members: alice, bob, carol</c> (give the names sorted).</summary>
    public static string Members(IEnumerable<string> nicknames) => $"{NoticePrefix}members: {string.Join(", ", nicknames)}";

    /// <summary>The last line a member who typed <c>/quit</c> gets before the server closes its connection.</summary>
    public const string Bye = NoticePrefix + "bye";

    /// <summary>To every member when the server stops, before it closes their connections.</summary>
    public const string ShuttingDown = NoticePrefix + "server shutting down";

    /// <summary>An error reply: <c>! text</c>.</summary>
    public static string Error(string text) => ErrorPrefix + text;

    /// <summary>A nickname that breaks <see cref="NicknameRules"/>: <c>! invalid nickname: reason</c>.</summary>
    public static string InvalidNickname(string reason) => Error($"invalid nickname: {reason}");

    /// <summary>A nickname another member holds (letter case aside): <c>! nickname taken: alice</c>.</summary>
    public static string NicknameTaken(string nickname) => Error($"nickname taken: {nickname}");

    /// <summary><c>/msg</c> to a name nobody holds: <c>! no such member: bob</c>.</summary>
    public static string NoSuchMember(string nickname) => Error($"no such member: {nickname}");

    /// <summary><c>/msg</c> without a name or without text.</summary>
    public static readonly string MsgUsage = Error("usage: /msg NAME text");

    /// <summary><c>/nick</c> without a new name.</summary>
    public static readonly string NickUsage = Error("usage: /nick NEW");

    /// <summary>A command the server does not know: <c>! unknown command: /foo</c>.</summary>
    public static string UnknownCommand(string command) => Error($"unknown command: {command}");

    /// <summary>A line over <see cref="ChatLimits.MaxLineBytes"/>; the server closes the connection after it.</summary>
    public static readonly string LineTooLong = Error($"line too long (limit {ChatLimits.MaxLineBytes} bytes); closing");

    /// <summary>A line that is not valid UTF-8; it is dropped and the connection stays.</summary>
    public static readonly string NotUtf8 = Error("line is not valid UTF-8");

    /// <summary>A line holding a control character (a CR in the middle, a NUL, an escape...); it is dropped and the
    /// connection stays. Tabs are allowed.</summary>
    public static readonly string ControlCharacter = Error("line contains a control character");

    /// <summary>Whether <paramref name="line"/> is a notice (starts with <c>* </c>).</summary>
    public static bool IsNotice(string line) => line.StartsWith(NoticePrefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="line"/> is an error reply (starts with <c>! </c>).</summary>
    public static bool IsError(string line) => line.StartsWith(ErrorPrefix, StringComparison.Ordinal);
}
