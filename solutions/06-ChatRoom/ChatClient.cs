using System.Net;
using System.Net.Sockets;
using SocketCourse.Framing;

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
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(keyboard);
        ArgumentNullException.ThrowIfNull(screen);
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(server);

        var sender = new LineSender(socket);
        var typing = new Thread(() => SendWhatIsTyped(keyboard, sender, screen)) { IsBackground = true, Name = "chat keyboard" };
        typing.Start();
        using var leaving = cancel.Register(sender.Quit);

        var reader = new LineReader(socket, ChatLimits.MaxOutgoingLineBytes);
        try
        {
            while (reader.ReadLineAsync().AsTask().GetAwaiter().GetResult() is { } line)
                lock (screen) screen.WriteLine(line);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // A reset, or the socket closed after /quit went unanswered: the conversation is over.
        }
        finally
        {
            // The keyboard thread may still be finishing its last send. .NET closes a socket that another thread is
            // using abortively (a reset) unless it was shut down first: Shutdown makes the close a clean FIN.
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already reset, or already closed by the QuitTimeout: nothing left to shut down.
            }
        }
    }

    // The keyboard thread: each line typed goes out as it is; the end of the input means /quit.
    private static void SendWhatIsTyped(TextReader keyboard, LineSender sender, TextWriter screen)
    {
        try
        {
            while (keyboard.ReadLine() is { } line)
            {
                if (line.Trim() == "/quit")
                {
                    sender.Quit();
                    return;
                }
                if (!sender.TrySend(line))
                    lock (screen) screen.WriteLine(ChatLines.Error($"not sent: longer than {ChatLimits.MaxLineBytes} bytes"));
            }
            sender.Quit();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The connection is gone; the reading thread has ended (or will) and Run returns.
        }
    }

    /// <summary>Sends lines for both threads (the keyboard's, and /quit from a cancellation), one at a time.</summary>
    private sealed class LineSender(Socket socket)
    {
        private readonly LineWriter _writer = new(socket, ChatLimits.MaxLineBytes);
        private readonly Lock _gate = new();
        private bool _quitting;

        public bool TrySend(string line)
        {
            lock (_gate)
            {
                if (_quitting) return true;
                try
                {
                    _writer.WriteLineAsync(line).GetAwaiter().GetResult();
                }
                catch (LineTooLongException)
                {
                    return false;
                }
                return true;
            }
        }

        // Says /quit once, then gives the server QuitTimeout to close before closing the socket under the reader.
        public void Quit()
        {
            lock (_gate)
            {
                if (_quitting) return;
                _quitting = true;
                try
                {
                    _writer.WriteLineAsync("/quit").GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
                {
                    // Gone already.
                }
            }
            _ = Task.Delay(QuitTimeout).ContinueWith(_ => socket.Dispose(), TaskScheduler.Default);
        }
    }
}
