using SocketCourse.Tool.Rendering;

namespace SocketCourse.Tool.Tests;

public sealed class FailureTextTests
{
    [Fact]
    public void Exception_type_names_and_stack_frames_are_removed()
    {
        const string message = """
            SocketCourse.Testing.GradingException : The server sent 0 bytes.
            Expected: "hello" (5 bytes).
            ---- System.Net.Sockets.SocketException : Connection reset by peer
               at System.Net.Sockets.Socket.Receive(Byte[] buffer)
               at SocketCourse.Tests.Step2.Reads() in /x/Step2.cs:line 9
            --- End of stack trace from previous location ---
            """;

        Assert.Equal("The server sent 0 bytes.\nExpected: \"hello\" (5 bytes).\nConnection reset by peer", FailureText.Clean(message));
    }

    [Fact]
    public void Long_messages_are_cut_and_say_so()
    {
        var text = FailureText.Clean(string.Join("\n", Enumerable.Range(1, 50).Select(i => $"line {i}")));

        Assert.Equal(FailureText.MaxLines + 1, text.Split('\n').Length);
        Assert.EndsWith("… (20 more lines)", text);
    }

    [Fact]
    public void No_message_says_so() => Assert.Equal("(the grader gave no message)", FailureText.Clean(null));

    [Fact]
    public void An_assertion_message_is_kept_as_written() =>
        Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 1\nActual:   2", FailureText.Clean("Assert.Equal() Failure: Values differ\nExpected: 1\nActual:   2"));
}
