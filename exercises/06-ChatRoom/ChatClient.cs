using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 4: the chat client, two threads at once. The seed's client waits at <c>input()</c>, so it can show what the
/// server sent only after the user presses Enter; in a chat, lines arrive while you type. Here one thread reads the
/// socket and shows each line as it comes, and another reads the keyboard and sends each line typed.
/// </summary>
public static class ChatClient
{
    /// <summary>How long the client waits, after it sent <c>/quit</c> on its own (end of input or cancellation), for the
    /// server to close the connection before it closes it itself.</summary>
    public static TimeSpan QuitTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Connects to <paramref name="server"/> and chats until the server closes the connection. This thread reads lines
    /// from the socket and writes each to <paramref name="screen"/> as soon as it arrives; a second thread (a background
    /// thread, since a wait for the keyboard cannot be interrupted) reads <paramref name="keyboard"/> and sends each line
    /// as it is typed, <c>/quit</c> included. When the keyboard ends (Ctrl+D, Ctrl+Z, the end of piped input) or
    /// <paramref name="cancel"/> is cancelled (Ctrl+C), the client sends <c>/quit</c> itself and waits up to
    /// <see cref="QuitTimeout"/> for the server to close. A line over <see cref="ChatLimits.MaxLineBytes"/> is not sent;
    /// the screen gets a line starting with <c>! </c> instead. Returns once the connection is closed: the socket is
    /// shut down (<see cref="System.Net.Sockets.Socket.Shutdown"/>) and then disposed, so the server sees a clean close
    /// even if the keyboard thread's last send has not quite finished (a socket disposed while another thread still
    /// uses it is closed abortively, with a reset). A reset or an abrupt end from the server counts as closed too.
    /// </summary>
    /// <param name="server">The chat server.</param>
    /// <param name="keyboard">What the user types, one line at a time (e.g. <see cref="Console.In"/>).</param>
    /// <param name="screen">Where the server's lines go, one line each (e.g. <see cref="Console.Out"/>).</param>
    /// <param name="cancel">Leave the room: send <c>/quit</c> and close.</param>
    /// <exception cref="SocketException">The connection could not be made (nothing listens there); nothing is left open.</exception>
    public static void Run(EndPoint server, TextReader keyboard, TextWriter screen, CancellationToken cancel = default)
    {
        throw new NotImplementedException(
            "Step 4: connect, start a thread that sends what is typed, and show the server's lines on this one. See notebooks/06-chat-room.ipynb, step 4.");
    }
}
