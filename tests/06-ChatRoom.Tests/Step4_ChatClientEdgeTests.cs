namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 4: the client at its edges — a line over the limit is not sent and the screen says so, /quit typed with spaces
/// around it is /quit, after quitting nothing more goes out (no second /quit, no line typed late), and a reset from the
/// server ends Run as a close does. Found by mutation testing (.ci/mutation): none of these was graded before.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "4")]
public sealed class Step4_ChatClientEdgeTests
{
    [Fact(DisplayName = "A line over the limit is not sent, the screen says so, and the next line goes out")]
    public async Task A_line_over_the_limit_is_not_sent_the_screen_says_so_and_the_next_line_goes_out()
    {
        using var s = Step4_ChatClientTests.StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            s.Keyboard.Type(new string('w', ChatLimits.MaxLineBytes + 1));
            s.Keyboard.Type("short");
            var next = await server.ReadLineAsync("the line typed after a line over the limit", maxBytes: 4 * ChatLimits.MaxLineBytes);
            Assert.True(next == "short",
                $"The user typed a line of {ChatLimits.MaxLineBytes + 1} bytes and then \"short\"; the server received {Show.Text(next, 60)} first. " +
                "A line over ChatLimits.MaxLineBytes is not sent (the server would answer it with an error and close the connection).");
            await Eventually.TrueAsync(() => s.Screen.Lines.Any(l => ChatLines.IsError(l)), "a line starting with \"! \" on the screen",
                () => $"The screen shows {s.Screen.Shown()}. Tell the user the long line was not sent, on a line of its own starting with \"! \".");
            var errors = s.Screen.Lines.Where(l => ChatLines.IsError(l)).ToList();
            Assert.True(errors.Count == 1 && errors[0].Length > ChatLines.ErrorPrefix.Length,
                $"The screen shows {s.Screen.Shown()}: one line starting with \"! \" that says what happened was expected, for the long line only.");
        });
    }

    [Fact(DisplayName = "/quit typed with spaces around it is sent as /quit")]
    public async Task Quit_typed_with_spaces_around_it_is_sent_as_quit()
    {
        using var s = Step4_ChatClientTests.StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            s.Keyboard.Type("  /quit ");
            var quit = await server.ReadLineAsync("the /quit the user typed with spaces around it");
            Assert.True(quit == "/quit",
                $"The user typed \"  /quit \"; the server received {Show.Text(quit)}. The server knows \"/quit\" only, exactly; a user who " +
                "types spaces around it still means to leave (compare the trimmed line).");
            await server.SendAsync(ChatLines.Bye + "\n");
            server.ShutdownSend();
            await server.ExpectEndOfStreamAsync("the client closes after the bye");
        });
        await CodeUnderTest.Finish(s.Running, "ChatClient.Run to return after /quit and the server's close");
    }

    [Fact(DisplayName = "After quitting, nothing more is sent: no second /quit, no line typed late, no error for it")]
    public async Task After_quitting_nothing_more_is_sent()
    {
        using var s = Step4_ChatClientTests.StartClient();
        await CodeUnderTest.WhileRunning(s.Running, async () =>
        {
            using var server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
            await Eventually.TrueAsync(() => s.Keyboard.Reads >= 1, "the client to wait for the keyboard",
                () => "The keyboard was never asked for a line.");
            s.Cancel.Cancel(); // Ctrl+C: the client says /quit and waits for the server to close
            var quit = await server.ReadLineAsync("a /quit after the token was cancelled (Ctrl+C)");
            Assert.True(quit == "/quit", $"After cancellation the client should say /quit; the server received {Show.Text(quit)}.");

            s.Keyboard.Type("typed too late");
            await Eventually.TrueAsync(() => s.Keyboard.Reads >= 2, "the keyboard thread to take the line typed after /quit",
                () => $"The keyboard was asked for {s.Keyboard.Reads} line(s).");
            s.Keyboard.Type("/quit");
            await Task.Delay(300); // what a wrong client would send now has time to arrive
            await server.SendAsync(ChatLines.Bye + "\n");
            server.ShutdownSend();
            var rest = await server.ReadTextToEndAsync("the end of the client's stream after the bye");

            Assert.True(rest.Length == 0,
                $"After its /quit the client sent {Show.Text(rest)} more. Once it has said /quit it says nothing else: not the lines typed " +
                "while it waits for the server to close, not a second /quit (remember that it is quitting, under the lock the sends share).");
            Assert.True(!s.Screen.Lines.Any(l => ChatLines.IsError(l)),
                $"The screen shows {s.Screen.Shown()}. A line typed while quitting is dropped quietly: it was not refused for its length.");
        });
        await CodeUnderTest.Finish(s.Running, "ChatClient.Run to return after /quit and the server's close");
    }

    [Fact(DisplayName = "A reset from the server ends Run quietly, as a close does")]
    public async Task A_reset_from_the_server_ends_Run_quietly_as_a_close_does()
    {
        using var s = Step4_ChatClientTests.StartClient();
        LoopbackPeer? server = null;
        try
        {
            await CodeUnderTest.WhileRunning(s.Running, async () =>
            {
                server = await s.Listener.AcceptAsync("ChatClient.Run to connect");
                await server.SendAsync(ChatLines.Greeting + "\n");
                await Eventually.TrueAsync(() => s.Screen.Lines.Contains(ChatLines.Greeting), "the greeting on the screen",
                    () => $"The screen shows {s.Screen.Shown()}.");
            });
            server!.Reset(); // after the window in which a failure of Run counts: the reset is the grader's doing
            await CodeUnderTest.Finish(s.Running, "ChatClient.Run to return after the server reset the connection",
                hint: "A reset (a SocketException or IOException from the read) ends the conversation as a close does: catch it around the " +
                      "reading loop, and let the Shutdown in the finally fail quietly too (the socket is reset already).");
        }
        finally
        {
            server?.Dispose();
        }
    }
}
