using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 3: a stream socket whose address is a file path (AF_UNIX), served and cleaned up.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_UnixDomainTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    public void Dispose()
    {
        TempSocketPath.Clean(_path);
        TempSocketPath.Clean(_path + ".tmp");
    }

    [Fact(DisplayName = "The server echoes what a client sends, and closes")]
    public async Task The_server_echoes_what_a_client_sends_and_closes()
    {
        await using var server = UnixEchoServer.Start(_path);
        const string message = "你好, Unix-domain socket";

        Assert.True(File.Exists(_path), $"While the server runs there should be a socket file at {_path}: Bind(new UnixDomainSocketEndPoint(path)) creates it.");
        Assert.Equal(_path, server.Path);
        using var client = await UnixPeer.ConnectAsync(_path);
        await client.SendAsync(message);
        client.ShutdownSend();
        var reply = await client.ReadTextToEndAsync("the echo and then end of stream (the server closes after replying)");

        Assert.True(reply == message, $"Sent {Show.Text(message)} and half-closed; the server replied {Show.Text(reply)}. {Explain.EndOfStream}");
    }

    [Fact(DisplayName = "The client sends, half-closes and returns the reply")]
    public async Task The_client_sends_half_closes_and_returns_the_reply()
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_path));
        listener.Listen(4);

        var asking = CodeUnderTest.Start(() => UnixEchoClient.RoundTripAsync(_path, "ping over a path"));
        var received = await CodeUnderTest.WhileRunning(asking, async () =>
        {
            using var cts = new CancellationTokenSource(Deadlines.Default);
            using var connection = new UnixPeer(await listener.AcceptAsync(cts.Token), "the grader's server");
            var text = await connection.ReadTextToEndAsync("the client's message followed by its half-close (Shutdown(Send))");
            await connection.SendAsync("pong from the path");
            return text;
        });
        var reply = await CodeUnderTest.Finish(asking, "RoundTripAsync to return after the server replied and closed",
            hint: "Read the reply until a Receive returns 0. " + Explain.EndOfStream);

        Assert.True(received == "ping over a path", $"The server received {Show.Text(received)}; expected \"ping over a path\".");
        Assert.True(reply == "pong from the path", $"The server replied \"pong from the path\"; RoundTripAsync returned {Show.Text(reply)}.");
    }

    [Fact(DisplayName = "A round trip, then Stop, leaves no file behind")]
    public async Task Round_trip_then_stop_leaves_no_file_behind()
    {
        var server = UnixEchoServer.Start(_path);
        var reply = await CodeUnderTest.Finish(CodeUnderTest.Start(() => UnixEchoClient.RoundTripAsync(_path, "套接字 round trip")),
            "RoundTripAsync to return the echo");
        Assert.True(reply == "套接字 round trip", $"RoundTripAsync returned {Show.Text(reply)}, expected the echo \"套接字 round trip\".");

        await server.DisposeAsync().AsTask().Within(Deadlines.Default, "DisposeAsync to stop the server");

        Assert.False(File.Exists(_path),
            $"The socket file {_path} is still there after the server stopped. Delete it on stop: a leftover file makes the next Bind fail with AddressAlreadyInUse.");
        await using var next = UnixEchoServer.Start(_path);
    }

    [Fact(DisplayName = "The server serves one client after another")]
    public async Task The_server_serves_one_client_after_another()
    {
        await using var server = UnixEchoServer.Start(_path);

        for (var i = 1; i <= 3; i++)
        {
            using var client = await UnixPeer.ConnectAsync(_path, $"client {i}");
            await client.SendAsync($"message {i}");
            client.ShutdownSend();
            var reply = await client.ReadTextToEndAsync($"the echo to client {i}");
            Assert.True(reply == $"message {i}", $"Client {i} got {Show.Text(reply)}: the server should keep accepting clients until it is stopped.");
        }
    }

    [Fact(DisplayName = "A client over the limit is dropped, and the next one served")]
    public async Task A_client_over_the_limit_is_dropped_and_the_next_one_served()
    {
        await using var server = UnixEchoServer.Start(_path, maxMessageBytes: 64);

        using (var greedy = await UnixPeer.ConnectAsync(_path, "a client sending 1000 bytes"))
        {
            await greedy.SendAsync(new string('x', 1000));
            greedy.ShutdownSend();
            byte[] echoed;
            try
            {
                echoed = await greedy.ReadToEndAsync("the server to drop a client over the limit");
            }
            catch (GradingException e) when (e.InnerException is SocketException)
            {
                echoed = []; // closing with unread data resets the connection: a drop all the same
            }
            Assert.True(echoed.Length == 0,
                $"With maxMessageBytes: 64 a 1000-byte message got an echo of {echoed.Length} bytes. Every read needs a size limit: " +
                "stop reading past it and close the connection without a reply.");
        }
        using var next = await UnixPeer.ConnectAsync(_path, "the next client");
        await next.SendAsync("small");
        next.ShutdownSend();
        Assert.Equal("small", await next.ReadTextToEndAsync("the echo to the client after the dropped one"));
    }

    [Fact(DisplayName = "A client that vanishes mid-message does not stop the server")]
    public async Task A_client_that_vanishes_mid_message_does_not_stop_the_server()
    {
        await using var server = UnixEchoServer.Start(_path);

        using (var vanishing = await UnixPeer.ConnectAsync(_path, "a client that vanishes"))
        {
            await vanishing.SendAsync("half a mess");
            vanishing.Socket.LingerState = new LingerOption(true, 0);
        }
        using var next = await UnixPeer.ConnectAsync(_path, "the next client");
        await next.SendAsync("whole message");
        next.ShutdownSend();
        Assert.Equal("whole message", await next.ReadTextToEndAsync("the echo to the client after the one that vanished"));
    }

    [Fact(DisplayName = "A leftover socket file is replaced")]
    public async Task A_leftover_socket_file_is_replaced()
    {
        TempSocketPath.LeaveStaleSocketFile(_path);

        await using var server = UnixEchoServer.Start(_path);

        using var client = await UnixPeer.ConnectAsync(_path);
        await client.SendAsync("after the crash");
        client.ShutdownSend();
        Assert.Equal("after the crash", await client.ReadTextToEndAsync("the echo from the server that replaced the stale socket file"));
    }

    [Fact(DisplayName = "A path where a server is listening is refused, and that server left alone")]
    public async Task A_path_where_a_server_is_listening_is_refused_and_that_server_left_alone()
    {
        await using var first = UnixEchoServer.Start(_path);

        Expect.Throws<IOException>(() => UnixEchoServer.Start(_path).DisposeAsync().AsTask().Wait(),
            "a server is already listening at that path; deleting its socket file would cut it off from every new client");

        using var client = await UnixPeer.ConnectAsync(_path, "a client of the first server");
        await client.SendAsync("still yours");
        client.ShutdownSend();
        Assert.Equal("still yours", await client.ReadTextToEndAsync("the first server's echo after the refused second start"));
    }

    [Theory(DisplayName = "A file that is not a socket is never deleted")]
    [InlineData("precious data", "the file at that path has content, so it is not a socket file; a server must not delete what it did not create")]
    [InlineData("", "an empty regular file is still not a socket file (connecting to it is refused just the same): ask SocketFiles.IsSocketFile, not the file's length")]
    public void A_file_that_is_not_a_socket_is_never_deleted(string content, string why)
    {
        File.WriteAllText(_path, content);

        Expect.Throws<IOException>(() => UnixEchoServer.Start(_path).DisposeAsync().AsTask().Wait(), why);

        Assert.True(File.Exists(_path) && File.ReadAllText(_path) == content,
            $"The regular file at {_path} was deleted or changed.");
    }

    [Fact(DisplayName = "Connecting where nothing listens is a SocketException")]
    public async Task Connecting_where_nothing_listens_is_a_SocketException()
    {
        await Expect.Throws<SocketException>(UnixEchoClient.RoundTripAsync(_path, "hello?"),
            "there is no socket file at that path, so there is nothing to connect to", Deadlines.Short);
    }
}
