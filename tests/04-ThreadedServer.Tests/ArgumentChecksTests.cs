using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ThreadedServer.Tests;

// Bad arguments fail at once with an ArgumentException, before any socket is opened or any thread started. Found by
// mutation testing (.ci/mutation): removing any of these checks went unnoticed before.

/// <summary>Step 1: ThreadingTcpServer.Start refuses what it cannot serve with.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
public sealed class Step1_ThreadingTcpServerArgumentTests
{
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    [Fact(DisplayName = "A null endpoint or handler is an ArgumentNullException")]
    public void A_null_endpoint_or_handler_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => ThreadingTcpServer.Start(null!, _ => { }).Dispose(),
            "Start(null, …) has nowhere to listen");
        Expect.Throws<ArgumentNullException>(() => ThreadingTcpServer.Start(AnyLoopbackPort, null!).Dispose(),
            "Start(endpoint, null) would accept clients and have nothing to serve them with: refuse it before listening");
    }

    [Theory(DisplayName = "A cap below one client is an ArgumentOutOfRangeException")]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_cap_below_one_client_is_an_ArgumentOutOfRangeException(int maxClients)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => ThreadingTcpServer.Start(AnyLoopbackPort, _ => { }, maxClients).Dispose(),
            $"maxClients = {maxClients} would turn every client away: a server needs room for at least one");
    }
}

/// <summary>Step 2: ReplyHandler.Serve refuses a missing socket, reply function or buffer.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "2")]
public sealed class Step2_ReplyHandlerArgumentTests
{
    [Fact(DisplayName = "A null client or reply is an ArgumentNullException")]
    public async Task A_null_client_or_reply_is_an_ArgumentNullException()
    {
        using var pair = await ConnectedPair.OpenAsync();
        await pair.Grader.SendAsync("hello");
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => Task.Run(() => ReplyHandler.Serve(null!, m => m))),
            "Serve(null, …) has no client to talk to");
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => Task.Run(() => ReplyHandler.Serve(pair.Learner, null!))),
            "Serve(client, null) could never answer: refuse it before the first Receive");
    }

    [Theory(DisplayName = "A buffer below one byte is an ArgumentOutOfRangeException")]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_buffer_below_one_byte_is_an_ArgumentOutOfRangeException(int maxMessageBytes)
    {
        using var pair = await ConnectedPair.OpenAsync();
        await Expect.Throws<ArgumentOutOfRangeException>(
            CodeUnderTest.Start(() => Task.Run(() => ReplyHandler.Serve(pair.Learner, m => m, maxMessageBytes))),
            $"maxMessageBytes = {maxMessageBytes}: a Receive into an empty buffer returns 0 at once, which would look like the client leaving");
    }
}

/// <summary>Step 3: LoopingClient.Run checks every argument before it connects.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "3")]
public sealed class Step3_LoopingClientArgumentTests
{
    [Fact(DisplayName = "A null argument is an ArgumentNullException, and nothing connects")]
    public async Task A_null_argument_is_an_ArgumentNullException_and_nothing_connects()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var server = listener.LocalEndPoint!;
        var shortWait = TimeSpan.FromMilliseconds(300);

        await Refused(() => LoopingClient.Run(null!, "老王", new StringReader("hi"), new StringWriter(), shortWait), "server");
        await Refused(() => LoopingClient.Run(server, null!, new StringReader("hi"), new StringWriter(), shortWait), "nickname");
        await Refused(() => LoopingClient.Run(server, "老王", null!, new StringWriter(), shortWait), "input");
        await Refused(() => LoopingClient.Run(server, "老王", new StringReader("hi"), null!, shortWait), "output");

        Assert.False(listener.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead),
            "Run connected to the server although an argument was null. Check every argument first, so a bad call never opens a connection.");
    }

    private static Task Refused(Func<ConversationEnd> run, string argument) =>
        Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => Task.Run(run)),
            $"Run was given a null {argument}");
}
