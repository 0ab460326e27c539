// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.ChatRoom;

/// <summary>What a session does after <see cref="ChatCommands.Handle"/> dealt with one line.</summary>
public enum LineOutcome
{
    /// <summary>Read the next line.</summary>
    KeepReading,

    /// <summary>The member said <c>/quit</c> (it has had <see cref="ChatLines.Bye"/> and left the room): close the connection.</summary>
    Quit,
}
