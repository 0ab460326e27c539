using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Diff;

namespace SocketCourse.Tool.Tests;

public sealed class MemberComparisonTests
{
    private const string Yours = """
        namespace N;

        public static class Sender
        {
            public static int Limit = 4;

            public static async Task SendAllAsync(Socket socket, byte[] data)
            {
                await socket.SendAsync(data);
            }

            /// <summary>Your doc comment, worded your way.</summary>
            public static void Close(Socket socket) => socket.Dispose();
        }
        """;

    private const string Solution = """
        namespace N;

        public static class Sender
        {
            /// <summary>Closes it after saying that is all.</summary>
            public static void Close(Socket socket)
                => socket.Dispose();

            public static async Task SendAllAsync(Socket socket, byte[] data)
            {
                var rest = data.AsMemory();
                while (rest.Length > 0)
                    rest = rest[await socket.SendAsync(rest)..];
                socket.Shutdown(SocketShutdown.Send);
            }

            public static int Limit = 4;

            private static void Log(string text) => Console.WriteLine(text);
        }
        """;

    [Fact]
    public void Member_order_layout_and_doc_comments_do_not_count_missing_calls_and_loops_do()
    {
        var members = MemberComparison.Compare([Yours], [Solution]).ToDictionary(m => m.Member);

        Assert.Equal(MemberVerdict.Same, members["Sender.Close(Socket)"].Verdict);
        Assert.Equal(MemberVerdict.Same, members["Sender.Limit"].Verdict);
        var send = members["Sender.SendAllAsync(Socket, byte[])"];
        Assert.Equal(MemberVerdict.Different, send.Verdict);
        Assert.Equal(["AsMemory", "SendAsync in a loop", "Shutdown"], send.SolutionOnly);
        Assert.Empty(send.YoursOnly);
        Assert.Equal(MemberVerdict.OnlyInSolution, members["Sender.Log(string)"].Verdict);
    }

    [Fact]
    public void The_comparison_shows_what_differs_first_and_counts_the_rest()
    {
        var console = new RecordingConsole(width: 160);

        SolutionCommand.RenderMembers(console.Console, MemberComparison.Compare([Yours], [Solution]));

        Assert.Contains("Sender.SendAllAsync(Socket, byte[])", console.Text);
        Assert.Contains("the solution calls: AsMemory, SendAsync in a loop, Shutdown", console.Text);
        Assert.Contains("only in the solution", console.Text);
        Assert.EndsWith("2 other members are the same.\n", console.Text);
    }
}
