using System.Diagnostics.CodeAnalysis;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 1: the room, a registry of members shared by every session thread. Each member's thread joins, leaves,
/// renames and broadcasts at the same moment as the others, so every change to the registry happens under one lock.
/// Lines are handed to members only after the lock is released: a member may be slow, and a room that called it while
/// holding the lock would make every other thread wait for it.
/// </summary>
public sealed class Room
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IChatMember, string> _nicknames = [];                                   // member → its name
    private readonly Dictionary<string, IChatMember> _members = new(StringComparer.OrdinalIgnoreCase); // name → member, case aside
    private bool _closed;

    /// <summary>How many members have joined and not left.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _nicknames.Count;
        }
    }

    /// <summary>The members' nicknames, sorted without regard to case (ordinal): a copy, safe to enumerate.</summary>
    public IReadOnlyList<string> Nicknames
    {
        get
        {
            lock (_gate) return [.. _nicknames.Values.Order(StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>Whether <see cref="Close"/> has been called.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate) return _closed;
        }
    }

    /// <summary>The nickname <paramref name="member"/> joined with (or renamed to), or null when it is not a member.</summary>
    public string? NicknameOf(IChatMember member)
    {
        lock (_gate) return _nicknames.GetValueOrDefault(member);
    }

    /// <summary>
    /// Adds <paramref name="member"/> under <paramref name="nickname"/> if the name follows <see cref="NicknameRules"/>
    /// and no member holds it (letter case aside), then tells every member, the new one included,
    /// <see cref="ChatLines.Joined"/>. Two threads asking for the same name at once: exactly one gets it.
    /// </summary>
    /// <param name="member">Not yet a member.</param>
    /// <param name="nickname">The name asked for.</param>
    /// <param name="error">When refused: the line to send back (<see cref="ChatLines.InvalidNickname"/>,
    /// <see cref="ChatLines.NicknameTaken"/> with the name as asked, or <see cref="ChatLines.ShuttingDown"/> after
    /// <see cref="Close"/>).</param>
    /// <returns>True when the member joined.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="member"/> is a member already.</exception>
    public bool TryJoin(IChatMember member, string nickname, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!NicknameRules.IsValid(nickname, out var reason))
        {
            error = ChatLines.InvalidNickname(reason);
            return false;
        }
        IChatMember[] everyone;
        lock (_gate)
        {
            if (_nicknames.ContainsKey(member))
                throw new InvalidOperationException($"This member has joined already, as {_nicknames[member]}.");
            if (_closed)
            {
                error = ChatLines.ShuttingDown;
                return false;
            }
            if (!_members.TryAdd(nickname, member)) // checking and taking the name in one step, under the lock
            {
                error = ChatLines.NicknameTaken(nickname);
                return false;
            }
            _nicknames.Add(member, nickname);
            everyone = [.. _nicknames.Keys];
        }
        DeliverToAll(everyone, ChatLines.Joined(nickname)); // after the lock: delivering may be slow
        error = null;
        return true;
    }

    /// <summary>
    /// Removes <paramref name="member"/> and tells the others <see cref="ChatLines.Left"/>. It does not disconnect the
    /// member: whoever calls Leave (its session) does that.
    /// </summary>
    /// <returns>True when it was a member; false when it was not (never joined, left already, or was dropped).</returns>
    public bool Leave(IChatMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (Remove(member, out var nickname, out var others))
        {
            DeliverToAll(others, ChatLines.Left(nickname));
            return true;
        }
        return false;
    }

    /// <summary>
    /// Renames <paramref name="member"/> to <paramref name="newNickname"/> under the same rules as
    /// <see cref="TryJoin"/> (its own name in another letter case is allowed), then tells every member, the renamed one
    /// included, <see cref="ChatLines.Renamed"/>.
    /// </summary>
    /// <param name="member">A member.</param>
    /// <param name="newNickname">The name asked for.</param>
    /// <param name="error">When refused: the line to send back, as in <see cref="TryJoin"/>.</param>
    /// <returns>True when renamed.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="member"/> is not a member.</exception>
    public bool TryRename(IChatMember member, string newNickname, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!NicknameRules.IsValid(newNickname, out var reason))
        {
            error = ChatLines.InvalidNickname(reason);
            return false;
        }
        string oldNickname;
        IChatMember[] everyone;
        lock (_gate)
        {
            if (!_nicknames.TryGetValue(member, out oldNickname!))
                throw new InvalidOperationException("Only a member can rename itself; this one has not joined (or has left).");
            if (_members.TryGetValue(newNickname, out var holder) && holder != member)
            {
                error = ChatLines.NicknameTaken(newNickname);
                return false;
            }
            _members.Remove(oldNickname);
            _members[newNickname] = member;
            _nicknames[member] = newNickname;
            everyone = [.. _nicknames.Keys];
        }
        DeliverToAll(everyone, ChatLines.Renamed(oldNickname, newNickname));
        error = null;
        return true;
    }

    /// <summary>
    /// Hands <see cref="ChatLines.Chat"/> (the sender's nickname and <paramref name="text"/>) to every member but the
    /// sender. A member that cannot take it (<see cref="IChatMember.TryDeliver"/> returns false) is dropped: removed,
    /// disconnected, and announced to the others as <see cref="ChatLines.DroppedTooSlow"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="from"/> is not a member.</exception>
    public void Broadcast(IChatMember from, string text)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(text);
        string nickname;
        IChatMember[] others;
        lock (_gate)
        {
            if (!_nicknames.TryGetValue(from, out nickname!))
                throw new InvalidOperationException("Only a member can broadcast; this one has not joined (or has left).");
            others = [.. _nicknames.Keys.Where(m => m != from)];
            foreach (var member in others) member.TryDeliver(ChatLines.Chat(nickname, text));
        }
    }

    /// <summary>
    /// Hands <see cref="ChatLines.Private"/> to the member called <paramref name="to"/> (letter case aside), and to
    /// nobody else. A recipient that cannot take it is dropped, as in <see cref="Broadcast"/>.
    /// </summary>
    /// <returns>False when nobody is called <paramref name="to"/>.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="from"/> is not a member.</exception>
    public bool SendPrivate(IChatMember from, string to, string text)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(text);
        string nickname;
        IChatMember? recipient;
        lock (_gate)
        {
            if (!_nicknames.TryGetValue(from, out nickname!))
                throw new InvalidOperationException("Only a member can send a private message; this one has not joined (or has left).");
            if (!_members.TryGetValue(to, out recipient)) return false;
        }
        DeliverToAll([recipient], ChatLines.Private(nickname, text));
        return true;
    }

    /// <summary>
    /// Closes the room: from now on <see cref="TryJoin"/> refuses everyone; every member is removed, gets
    /// <see cref="ChatLines.ShuttingDown"/>, and is disconnected. Calling it again does nothing more.
    /// </summary>
    public void Close()
    {
        IChatMember[] everyone;
        lock (_gate)
        {
            _closed = true;
            everyone = [.. _nicknames.Keys];
            _nicknames.Clear();
            _members.Clear();
        }
        foreach (var member in everyone)
        {
            member.TryDeliver(ChatLines.ShuttingDown);
            member.Disconnect();
        }
    }

    private bool Remove(IChatMember member, [NotNullWhen(true)] out string? nickname, out IChatMember[] others)
    {
        lock (_gate)
        {
            if (!_nicknames.Remove(member, out nickname))
            {
                others = [];
                return false;
            }
            _members.Remove(nickname);
            others = [.. _nicknames.Keys];
            return true;
        }
    }

    // Called without the lock. A member that refuses a line is dropped, and its drop is announced in turn (which may
    // drop another): each drop removes a member first, so this ends.
    private void DeliverToAll(IEnumerable<IChatMember> recipients, string line)
    {
        foreach (var member in recipients)
            if (!member.TryDeliver(line))
                Drop(member);
    }

    private void Drop(IChatMember member)
    {
        // It may have left on its own between the copy of the list and the delivery: then there is nothing to announce.
        if (!Remove(member, out var nickname, out var others)) return;
        member.Disconnect();
        DeliverToAll(others, ChatLines.DroppedTooSlow(nickname));
    }
}
