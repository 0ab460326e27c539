using System.Net.Sockets;
using SocketCourse.ChatProtocol;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 4: the two-thread chat client, against a grader's server. The grader types on a <see cref="Keyboard"/> whose
/// ReadLine waits like Console.ReadLine, and reads what the client shows on a <see cref="Screen"/>.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "4")]
public sealed class Step4_ChatClientTests
{
    private const string OneThreadHint =
        "A client that waits for the keyboard and the socket on one thread can show a line only after the user typed one (the seed's " +
        "input() problem). Read the socket on one thread and the keyboard on another.";

    internal sealed class Session(LoopbackListener listener, Keyboard keyboard, Screen screen, CancellationTokenSource cancel, Task running) : IDisposable
    {
        public LoopbackListener Listener { get; } = listener;
        public Keyboard Keyboard { get; } = keyboard;
        public Screen Screen { get; } = screen;
        public CancellationTokenSource Cancel { get; } = cancel;
        public Task Running { get; } = running;

        public void Dispose()
        {
            Keyboard.End();
            Cancel.Cancel();
            Listener.Dispose();
        }
    }

    internal static Session StartClient()
    {
        var listener = LoopbackListener.Start();
        var keyboard = new Keyboard();
        var screen = new Screen();
        var cancel = new CancellationTokenSource();
        var running = OwnThread.Start(() => ChatClient.Run(listener.EndPoint, keyboard, screen, cancel.Token), "grader: ChatClient.Run");
        return new Session(listener, keyboard, screen, cancel, running);
    }

    private static Task ExpectOnScreenAsync(Session s, string line, string why) =>
        Eventually.TrueAsync(() => s.Screen.Lines.Contains(line), $"{Show.Text(line)} on the screen ({why})",
            () => $"The screen shows: {s.Screen.Shown()}. The keyboard has been asked for a line {s.Keyboard.Reads} time(s). {OneThreadHint}");

    [Fact(DisplayName = "Lines from the server appear on the screen while the user types nothing")]
    public async Task Lines_from_the_server_appear_while_the_user_types_nothing()
    {
        using var s = StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            await server.SendAsync(ChatLines.Greeting + "\n" + ChatLines.Joined("bob") + "\n<bob> anyone here? 有人吗\n");
            await ExpectOnScreenAsync(s, "<bob> anyone here? 有人吗", "the server's lines are shown as they arrive, while the keyboard waits");
            Assert.True(s.Screen.Lines.SequenceEqual([ChatLines.Greeting, ChatLines.Joined("bob"), "<bob> anyone here? 有人吗"]),
                $"The screen should show the server's three lines, in order, one per line; it shows {s.Screen.Shown()}.");
        });
    }

    [Fact(DisplayName = "Each line typed is sent as soon as it is typed, while lines keep arriving")]
    public async Task Each_line_typed_is_sent_as_soon_as_it_is_typed()
    {
        using var s = StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            await server.SendAsync(ChatLines.Greeting + "\n");
            await ExpectOnScreenAsync(s, ChatLines.Greeting, "the greeting is shown before anything is typed");
            s.Keyboard.Type("alice");
            var nickname = await server.ReadLineAsync("the nickname the user typed");
            Assert.True(nickname == "alice", $"The user typed \"alice\"; the server received {Show.Text(nickname)}.");
            await server.SendAsync(ChatLines.Joined("alice") + "\n");
            await ExpectOnScreenAsync(s, ChatLines.Joined("alice"), "the join notice");
            s.Keyboard.Type("hello, 世界");
            var said = await server.ReadLineAsync("the line the user typed");
            Assert.True(said == "hello, 世界", $"The user typed \"hello, 世界\"; the server received {Show.Text(said)}. Send it as UTF-8 with a LF.");
        });
    }

    [Fact(DisplayName = "/quit is sent, and Run returns once the server says bye and closes")]
    public async Task Quit_is_sent_and_Run_returns_once_the_server_closes()
    {
        using var s = StartClient();
        LoopbackPeer? server = null;
        try
        {
            SocketLeaks.LearnerEnd? clientEnd = null;
            await CodeUnderTest.WhileRunning(s.Running, async () =>
            {
                server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
                clientEnd = SocketLeaks.LearnerEndOf(server);
                s.Keyboard.Type("/quit");
                var quit = await server.ReadLineAsync("the /quit the user typed");
                Assert.True(quit == "/quit", $"The user typed \"/quit\"; the server received {Show.Text(quit)}.");
                await server.SendAsync(ChatLines.Bye + "\n");
                server.ShutdownSend();
                await server.ExpectCleanCloseAsync("the client closes its socket once the server has closed after the bye");
            });
            await CodeUnderTest.Finish(s.Running, "ChatClient.Run to return after the server closed the connection",
                hint: "Run returns when the socket reads end of stream: the reading thread ends, and Run with it.");
            Assert.True(s.Screen.Lines.Contains(ChatLines.Bye), $"The bye should be on the screen; it shows {s.Screen.Shown()}.");
            clientEnd?.ExpectClosed("after Run returned");
        }
        finally
        {
            server?.Dispose();
        }
    }

    [Fact(DisplayName = "When the server closes, Run returns even though the keyboard is still waiting")]
    public async Task When_the_server_closes_Run_returns_while_the_keyboard_waits()
    {
        using var s = StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            await server.SendAsync(ChatLines.ShuttingDown + "\n");
            server.ShutdownSend();
            await server.ExpectEndOfStreamAsync("the client closes once the server has closed");
        });
        await CodeUnderTest.Finish(s.Running, "ChatClient.Run to return after the server closed, while the keyboard waited for a line",
            hint: "Do not wait for the keyboard thread: a ReadLine cannot be interrupted. Make it a background thread and return when the socket ends.");
        Assert.True(s.Screen.Lines.Contains(ChatLines.ShuttingDown), $"The last line should be on the screen; it shows {s.Screen.Shown()}.");
    }

    [Fact(DisplayName = "The end of the keyboard input sends /quit")]
    public async Task The_end_of_the_keyboard_input_sends_quit()
    {
        using var s = StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            s.Keyboard.Type("alice");
            s.Keyboard.End();
            Assert.True(await server.ReadLineAsync("the nickname") == "alice", "The typed line was not sent first.");
            var quit = await server.ReadLineAsync("a /quit after the keyboard input ended (piped input, Ctrl+D)");
            Assert.True(quit == "/quit", $"After the input ended the client should say /quit; the server received {Show.Text(quit)}.");
            await server.SendAsync(ChatLines.Bye + "\n");
            server.ShutdownSend();
            await server.ExpectEndOfStreamAsync("the client closes after the bye");
        });
        await CodeUnderTest.Finish(s.Running, "ChatClient.Run to return after /quit and the server's close");
    }

    [Fact(DisplayName = "Cancelling (Ctrl+C) sends /quit and Run returns")]
    public async Task Cancelling_sends_quit_and_Run_returns()
    {
        using var s = StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            await server.SendAsync(ChatLines.Greeting + "\n");
            await ExpectOnScreenAsync(s, ChatLines.Greeting, "the greeting");
            s.Cancel.Cancel();
            var quit = await server.ReadLineAsync("a /quit after the token was cancelled (Ctrl+C)");
            Assert.True(quit == "/quit", $"After cancellation the client should say /quit; the server received {Show.Text(quit)}.");
            await server.SendAsync(ChatLines.Bye + "\n");
            server.ShutdownSend();
            await server.ExpectEndOfStreamAsync("the client closes after the bye");
        });
        await CodeUnderTest.Finish(s.Running, "ChatClient.Run to return after cancellation");
    }

    [Fact(DisplayName = "Connecting where nothing listens fails with a SocketException")]
    public async Task Connecting_where_nothing_listens_fails_with_a_SocketException()
    {
        var nowhere = Loopback.UnusedEndPoint();
        var running = OwnThread.Start(() => ChatClient.Run(nowhere, new Keyboard(), new Screen()), "grader: ChatClient.Run");
        await Expect.Throws<SocketException>(running, "nothing listens on that port: the connect is refused", Deadlines.Refusal);
    }
}
