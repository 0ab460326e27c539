namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 2: what one line from a member does. A member's session reads a line and hands it here; this class changes
/// the room and hands lines to members, and does no I/O of its own, so a test can drive it with plain strings.
/// </summary>
public static class ChatCommands
{
    /// <summary>
    /// Handles one line (its line end already removed) that <paramref name="member"/> sent:
    /// <list type="bullet">
    /// <item><c>/quit</c> at any time: the member gets <see cref="ChatLines.Bye"/>, leaves the room (the others get
    /// <see cref="ChatLines.Left"/>), and the result is <see cref="LineOutcome.Quit"/>.</item>
    /// <item>a line holding a control character (below U+0020 but tab, or U+007F): <see cref="ChatLines.ControlCharacter"/>, nothing else.</item>
    /// <item>before the member has joined, any other line is the nickname it asks for (<see cref="Room.TryJoin"/>);
    /// a refusal is sent back and the next line is the next try.</item>
    /// <item>after joining: an empty line is ignored; a line not starting with <c>/</c> is broadcast
    /// (<see cref="Room.Broadcast"/>); <c>/who</c> answers <see cref="ChatLines.Members"/>; <c>/nick NEW</c> renames
    /// (<see cref="ChatLines.NickUsage"/> without NEW); <c>/msg NAME text</c> sends a private message
    /// (<see cref="ChatLines.MsgUsage"/> without NAME or text, <see cref="ChatLines.NoSuchMember"/> for an unknown
    /// NAME, nothing back on success); any other <c>/word</c> gets <see cref="ChatLines.UnknownCommand"/> naming it.</item>
    /// </list>
    /// A command is the text up to the first space; its arguments are separated by single spaces.
    /// </summary>
    /// <param name="room">The room the member is in (or about to join).</param>
    /// <param name="member">Who sent the line; replies go to it with <see cref="IChatMember.TryDeliver"/>.</param>
    /// <param name="line">The line, without its line end.</param>
    /// <returns><see cref="LineOutcome.Quit"/> after <c>/quit</c>, otherwise <see cref="LineOutcome.KeepReading"/>.</returns>
    public static LineOutcome Handle(Room room, IChatMember member, string line)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(line);

        var (command, rest) = Split(line);
        if (command == "/quit")
        {
            room.Leave(member);
            return LineOutcome.Quit;
        }
        if (line.Any(c => c is < ' ' and not '\t' or '\u007f'))
        {
            member.TryDeliver(ChatLines.ControlCharacter);
            return LineOutcome.KeepReading;
        }
        if (room.NicknameOf(member) is null)
        {
            if (!room.TryJoin(member, line, out var error)) member.TryDeliver(error);
            return LineOutcome.KeepReading;
        }
        if (line.Length == 0) return LineOutcome.KeepReading;
        if (!line.StartsWith('/'))
        {
            room.Broadcast(member, line);
            return LineOutcome.KeepReading;
        }
        switch (command)
        {
            case "/who":
                member.TryDeliver(ChatLines.Members(room.Nicknames));
                break;
            case "/nick":
                if (rest.Length == 0) member.TryDeliver(ChatLines.NickUsage);
                else if (!room.TryRename(member, rest, out var error)) member.TryDeliver(error);
                break;
            case "/msg":
                var (to, text) = Split(rest);
                if (to.Length == 0 || text.Length == 0) member.TryDeliver(ChatLines.MsgUsage);
                else if (!room.SendPrivate(member, to, text)) member.TryDeliver(ChatLines.NoSuchMember(to));
                break;
            default:
                member.TryDeliver(ChatLines.UnknownCommand(command));
                break;
        }
        return LineOutcome.KeepReading;
    }

    // "/msg bob hi there" → ("/msg", "bob hi there"); "/who" → ("/who", "").
    private static (string Head, string Tail) Split(string text)
    {
        var space = text.IndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..]);
    }
}
