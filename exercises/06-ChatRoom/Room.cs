using System.Diagnostics.CodeAnalysis;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 1: the room, a registry of members shared by every session thread. Each member's thread joins, leaves,
/// renames and broadcasts at the same moment as the others, so every change to the registry happens under one lock.
/// Lines are handed to members only after the lock is released: a member may be slow, and a room that called it while
/// holding the lock would make every other thread wait for it.
/// </summary>
/// <remarks>
/// Keep two dictionaries under one lock: member → nickname, and nickname → member with
/// <see cref="StringComparer.OrdinalIgnoreCase"/> (so <c>Alice</c> and <c>alice</c> are one name). Copy the recipients
/// while holding the lock, release it, then deliver.
/// </remarks>
public sealed class Room
{
    /// <summary>How many members have joined and not left.</summary>
    public int Count =>
        throw new NotImplementedException("Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");

    /// <summary>The members' nicknames, sorted without regard to case (ordinal): a copy, safe to enumerate.</summary>
    public IReadOnlyList<string> Nicknames =>
        throw new NotImplementedException("Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");

    /// <summary>Whether <see cref="Close"/> has been called.</summary>
    public bool IsClosed =>
        throw new NotImplementedException("Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");

    /// <summary>The nickname <paramref name="member"/> joined with (or renamed to), or null when it is not a member.</summary>
    public string? NicknameOf(IChatMember member)
    {
        throw new NotImplementedException(
            "Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");
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
        throw new NotImplementedException(
            "Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");
    }

    /// <summary>
    /// Removes <paramref name="member"/> and tells the others <see cref="ChatLines.Left"/>. It does not disconnect the
    /// member: whoever calls Leave (its session) does that.
    /// </summary>
    /// <returns>True when it was a member; false when it was not (never joined, left already, or was dropped).</returns>
    public bool Leave(IChatMember member)
    {
        throw new NotImplementedException(
            "Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");
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
        throw new NotImplementedException(
            "Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");
    }

    /// <summary>
    /// Hands <see cref="ChatLines.Chat"/> (the sender's nickname and <paramref name="text"/>) to every member but the
    /// sender. A member that cannot take it (<see cref="IChatMember.TryDeliver"/> returns false) is dropped: removed,
    /// disconnected, and announced to the others as <see cref="ChatLines.DroppedTooSlow"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="from"/> is not a member.</exception>
    public void Broadcast(IChatMember from, string text)
    {
        throw new NotImplementedException(
            "Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");
    }

    /// <summary>
    /// Hands <see cref="ChatLines.Private"/> to the member called <paramref name="to"/> (letter case aside), and to
    /// nobody else. A recipient that cannot take it is dropped, as in <see cref="Broadcast"/>.
    /// </summary>
    /// <returns>False when nobody is called <paramref name="to"/>.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="from"/> is not a member.</exception>
    public bool SendPrivate(IChatMember from, string to, string text)
    {
        throw new NotImplementedException(
            "Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");
    }

    /// <summary>
    /// Closes the room: from now on <see cref="TryJoin"/> refuses everyone; every member is removed, gets
    /// <see cref="ChatLines.ShuttingDown"/>, and is disconnected. Calling it again does nothing more.
    /// </summary>
    public void Close()
    {
        throw new NotImplementedException(
            "Step 1: a registry under one lock; deliver after releasing it. See notebooks/06-chat-room.ipynb, step 1.");
    }
}
