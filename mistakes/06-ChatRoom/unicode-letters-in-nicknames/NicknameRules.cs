using System.Diagnostics.CodeAnalysis;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 1: the rules a nickname must follow. 1 to <see cref="ChatLimits.MaxNicknameLength"/> characters; ASCII letters,
/// digits, <c>_</c> and <c>-</c> only; the first one a letter. Uniqueness (without regard to letter case) is the room's
/// business, since only the room knows who is there.
/// </summary>
public static class NicknameRules
{
    /// <summary>
    /// Checks <paramref name="nickname"/> against the rules, in this order: not empty; not longer than
    /// <see cref="ChatLimits.MaxNicknameLength"/>; starts with an ASCII letter; holds only ASCII letters, digits,
    /// <c>_</c> and <c>-</c>. The first rule broken gives the reason.
    /// </summary>
    /// <param name="nickname">The name as the member typed it (a session has already removed the line end).</param>
    /// <param name="reason">When invalid: why, in a few words for the member (e.g. "must start with a letter").</param>
    /// <returns>True when the nickname follows every rule.</returns>
    public static bool IsValid(string? nickname, [NotNullWhen(false)] out string? reason)
    {
        reason = nickname switch
        {
            null or "" => "empty",
            { Length: > ChatLimits.MaxNicknameLength } => $"longer than {ChatLimits.MaxNicknameLength} characters",
            _ when !char.IsLetter(nickname[0]) => "must start with a letter",
            _ when !nickname.All(IsAllowed) => "only letters, digits, _ and - are allowed",
            _ => null,
        };
        return reason is null;
    }

    private static bool IsAllowed(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
