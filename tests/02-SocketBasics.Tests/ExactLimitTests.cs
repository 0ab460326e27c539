using System.Text;

namespace SocketCourse.SocketBasics.Tests;

// A limit says the largest size accepted, so a message of exactly the limit is accepted. Found by mutation testing
// (.ci/mutation): `>` turned into `>=` in a size check went unnoticed, because no grader sent exactly the limit.

/// <summary>Step 2: a reply of exactly maxReplyBytes is returned, not refused.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
public sealed class Step2_ExactReplyLimitTests
{
    [Fact(DisplayName = "A reply of exactly the limit is returned")]
    public async Task A_reply_of_exactly_the_limit_is_returned()
    {
        using var server = UdpPeer.Open("the grader's server");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(server.EndPoint, "ten?"u8.ToArray(), TimeSpan.FromSeconds(2), maxReplyBytes: 10));
        var (_, client) = await CodeUnderTest.WhileRunning(asking, () => server.ReceiveFromAsync("the request datagram"));
        await server.SendToAsync("ten bytes!", client);
        var reply = await CodeUnderTest.Finish(asking, "SendAsync to return a 10-byte reply, with maxReplyBytes: 10");

        Assert.True(Encoding.UTF8.GetString(reply) == "ten bytes!",
            $"The server replied \"ten bytes!\" (10 bytes) with maxReplyBytes: 10; SendAsync returned {Show.Bytes(reply)}. " +
            "The limit is the largest reply accepted: only a reply longer than it is refused (received > maxReplyBytes, not >=).");
    }
}

/// <summary>Step 3: a message of exactly maxMessageBytes is echoed, not dropped.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_ExactMessageLimitTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    /// <inheritdoc />
    public void Dispose() => TempSocketPath.Clean(_path);

    [Fact(DisplayName = "A message of exactly the limit is echoed")]
    public async Task A_message_of_exactly_the_limit_is_echoed()
    {
        await using var server = UnixEchoServer.Start(_path, maxMessageBytes: 64);
        var message = new string('x', 64);

        using var client = await UnixPeer.ConnectAsync(_path, "a client sending exactly 64 bytes");
        await client.SendAsync(message);
        client.ShutdownSend();
        byte[] echo;
        try
        {
            echo = await client.ReadToEndAsync("the echo of a message of exactly maxMessageBytes (64)");
        }
        catch (GradingException e) when (e.InnerException is System.Net.Sockets.SocketException)
        {
            echo = []; // the server closed with the message unread: a drop all the same
        }

        Assert.True(echo.Length == 64,
            $"With maxMessageBytes: 64, a message of exactly 64 bytes got an echo of {echo.Length} bytes. The limit is the largest " +
            "message accepted: drop only a client that sends more than it (received > maxMessageBytes, not >=).");
    }
}
