using System.Net.Sockets;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 3: stopping the Unix-domain server closes every connection, a silent client's too, before DisposeAsync returns.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_UnixStopTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    /// <inheritdoc />
    public void Dispose() => TempSocketPath.Clean(_path);

    [Fact(DisplayName = "Stopping closes a silent client's connection")]
    public async Task Stopping_closes_a_silent_clients_connection()
    {
        var server = UnixEchoServer.Start(_path);
        using var silent = await UnixPeer.ConnectAsync(_path, "a client that connects and says nothing");
        // Clients are accepted in the order they connected: once the second one has its echo, the server has taken the
        // silent one too and is waiting for its message.
        using (var talker = await UnixPeer.ConnectAsync(_path, "a second client"))
        {
            await talker.SendAsync("still serving?");
            talker.ShutdownSend();
            var reply = await talker.ReadTextToEndAsync("the echo to a second client while the first one stays silent");
            Assert.True(reply == "still serving?", $"The second client got {Show.Text(reply)}.");
        }

        try
        {
            await server.DisposeAsync().AsTask().Within(Deadlines.Default, "DisposeAsync to stop the server while a silent client is connected",
                "Cancel the token every client's read waits on, then wait for the clients' tasks.");
        }
        catch (Exception e) when (e is not (NotImplementedException or GradingException))
        {
            throw new GradingException(
                $"DisposeAsync threw {Explain.Exception(e)} A silent client was connected: stopping ends its read with a cancellation " +
                "(or a closed socket), and that client's handler must take it as the end of that client, not let it escape into Stop.", e);
        }

        Assert.True(silent.Socket.Poll(0, SelectMode.SelectRead),
            "DisposeAsync returned while the silent client's connection was still open. \"Stops the server ... closes every " +
            "connection\": wait for every client's task (each one closes its socket) before DisposeAsync returns.");
    }
}
