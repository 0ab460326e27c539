using System.Net.Sockets;

namespace SocketCourse.SocketBasics.Tests;

// The errors the docs promise say what went wrong, so whoever reads the log knows what to change. Found by mutation
// testing (.ci/mutation): emptying these messages went unnoticed before. Only the fact that matters is checked (the
// limit, the server, the path, "UTF-8"), never the wording.

/// <summary>Step 2: UdpRequest's errors name the limit, the server, or the encoding.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
public sealed class Step2_UdpErrorTextTests
{
    [Fact(DisplayName = "The size error says what the limit was")]
    public async Task The_size_error_says_what_the_limit_was()
    {
        using var server = UdpPeer.Open("the grader's server");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(server.EndPoint, "big?"u8.ToArray(), TimeSpan.FromSeconds(2), maxReplyBytes: 10));
        var (_, client) = await CodeUnderTest.WhileRunning(asking, () => server.ReceiveFromAsync("the request datagram"));
        await server.SendToAsync("eleven byte", client);

        var error = await Expect.Throws<InvalidDataException>(asking, "the reply was 11 bytes with maxReplyBytes: 10");
        Assert.True(error.Message.Contains("10", StringComparison.Ordinal),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say what went wrong and name the limit (10 bytes here), " +
            "so whoever reads the log knows what to change.");
    }

    [Fact(DisplayName = "The timeout error names the server that did not answer")]
    public async Task The_timeout_error_names_the_server_that_did_not_answer()
    {
        using var silent = UdpPeer.Open("a bound UDP socket that never replies");

        var error = await Expect.Throws<TimeoutException>(
            CodeUnderTest.Start(() => UdpRequest.SendAsync(silent.EndPoint, "anyone?"u8.ToArray(), TimeSpan.FromMilliseconds(300))),
            "the port exists but never answers, and the timeout was 300 ms");
        Assert.True(error.Message.Contains(silent.EndPoint.Port.ToString(), StringComparison.Ordinal),
            $"The TimeoutException's message was {Show.Text(error.Message)}. Name the server that did not answer ({silent.EndPoint}): " +
            "a program that talks to several servers logs which one is silent.");
    }

    [Fact(DisplayName = "The UTF-8 error says the reply was not UTF-8")]
    public async Task The_UTF8_error_says_the_reply_was_not_UTF8()
    {
        using var server = UdpPeer.Open("the grader's server");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendTextAsync(server.EndPoint, "text please", TimeSpan.FromSeconds(2)));
        var (_, client) = await CodeUnderTest.WhileRunning(asking, () => server.ReceiveFromAsync("the request datagram"));
        await server.SendToAsync(new byte[] { (byte)'o', (byte)'k', 0xC3, 0x28 }, client);

        var error = await Expect.Throws<InvalidDataException>(asking, "the reply 6f 6b c3 28 is not valid UTF-8");
        Assert.True(error.Message.Contains("UTF", StringComparison.OrdinalIgnoreCase),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say that the reply was not valid UTF-8, " +
            "so the problem is not mistaken for a size error.");
    }
}

/// <summary>Step 3: the Unix-domain client's errors name the limit or the encoding; the server's refusals name the path.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_UnixErrorTextTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    /// <inheritdoc />
    public void Dispose() => TempSocketPath.Clean(_path);

    [Fact(DisplayName = "A reply over the client's limit is an InvalidDataException that names the limit")]
    public async Task A_reply_over_the_clients_limit_is_an_InvalidDataException_that_names_the_limit()
    {
        var error = await RoundTripAgainstGraderServer(maxReplyBytes: 10, reply: "eleven byte"u8.ToArray(),
            "the reply was 11 bytes with maxReplyBytes: 10. Pass the limit on to the read loop (StreamLoops.ReadToEndAsync " +
            "takes it): a client that reads whatever comes can be made to hold any amount of data");
        Assert.True(error.Message.Contains("10", StringComparison.Ordinal),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say what went wrong and name the limit (10 bytes here).");
    }

    [Fact(DisplayName = "The client's UTF-8 error says the reply was not UTF-8")]
    public async Task The_clients_UTF8_error_says_the_reply_was_not_UTF8()
    {
        var error = await RoundTripAgainstGraderServer(maxReplyBytes: 1000, reply: [(byte)'o', (byte)'k', 0xFF],
            "the reply 6f 6b ff is not valid UTF-8");
        Assert.True(error.Message.Contains("UTF", StringComparison.OrdinalIgnoreCase),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say that the reply was not valid UTF-8, " +
            "so the problem is not mistaken for a size error.");
    }

    [Fact(DisplayName = "Refusing a path where a server listens names the path")]
    public async Task Refusing_a_path_where_a_server_listens_names_the_path()
    {
        await using var first = UnixEchoServer.Start(_path);

        var error = Expect.Throws<IOException>(() => UnixEchoServer.Start(_path).DisposeAsync().AsTask().Wait(),
            "a server is already listening at that path");
        ExpectPathNamed(error);
    }

    [Fact(DisplayName = "Refusing a file that is not a socket names the path")]
    public void Refusing_a_file_that_is_not_a_socket_names_the_path()
    {
        File.WriteAllText(_path, "precious data");

        var error = Expect.Throws<IOException>(() => UnixEchoServer.Start(_path).DisposeAsync().AsTask().Wait(),
            "the file at that path is not a socket file");
        ExpectPathNamed(error);
    }

    private void ExpectPathNamed(IOException error) =>
        Assert.True(error.Message.Contains(Path.GetFileName(_path), StringComparison.Ordinal),
            $"The IOException's message was {Show.Text(error.Message)}. Name the path ({_path}) and say why it is refused, " +
            "so whoever starts the server knows which file to look at.");

    /// <summary>The learner's client asks a grader's server that reads the message, sends <paramref name="reply"/> and closes.</summary>
    private async Task<InvalidDataException> RoundTripAgainstGraderServer(int maxReplyBytes, byte[] reply, string why)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_path));
        listener.Listen(4);

        var asking = CodeUnderTest.Start(() => UnixEchoClient.RoundTripAsync(_path, "hello", maxReplyBytes));
        var connection = await CodeUnderTest.WhileRunning(asking, async () =>
        {
            using var cts = new CancellationTokenSource(Deadlines.Default);
            var c = new UnixPeer(await listener.AcceptAsync(cts.Token), "the grader's server");
            await c.ReadToEndAsync("the client's message and half-close");
            return c;
        });
        using (connection)
        {
            await connection.SendAsync(reply);
            connection.ShutdownSend();
            return await Expect.Throws<InvalidDataException>(asking, why);
        }
    }
}
