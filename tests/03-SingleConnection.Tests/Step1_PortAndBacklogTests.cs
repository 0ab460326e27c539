using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 1, the promises around Bind and Listen: a held port stays held, the backlog is the one asked for,
/// and a failed Open leaves nothing open.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "1")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step1_PortAndBacklogTests
{
    [Fact(DisplayName = "A port held by a socket that allows sharing is still refused")]
    public void A_port_held_by_a_socket_that_allows_sharing_is_still_refused()
    {
        using var taken = LoopbackListener.StartShareable();

        Socket? second = null;
        var error = Expect.Throws<SocketException>(() => second = ListeningSocket.Open(taken.EndPoint),
            $"another server listens on {taken.EndPoint} already, on a socket that allows sharing (ReuseAddress). If your socket " +
            "sets ReuseAddress too, both bind the same port and the system deals the clients out between the two servers: do not " +
            "set it on a listener");
        second?.Dispose();

        Assert.True(error.SocketErrorCode == SocketError.AddressAlreadyInUse,
            $"Expected AddressAlreadyInUse; got {error.SocketErrorCode}. {Explain.Error(error.SocketErrorCode)}");
    }

    [Fact(DisplayName = "The backlog asked for is the backlog used")]
    public async Task The_backlog_asked_for_is_the_backlog_used()
    {
        using var listener = ListeningSocket.Open(new IPEndPoint(IPAddress.Loopback, 0), backlog: 1);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;

        // Nobody accepts: with a backlog of 1 the system queues one or two connections and holds the rest off.
        const int tries = 8;
        var sockets = Enumerable.Range(0, tries).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToArray();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
            var results = await Task.WhenAll(sockets.Select(async s =>
            {
                try
                {
                    await s.ConnectAsync(endpoint, deadline.Token);
                    return true;
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                    return false; // held off (Linux, macOS) or refused (Windows): the queue is full
                }
            }));
            var connected = results.Count(ok => ok);
            Assert.True(connected < tries,
                $"With Open(endpoint, backlog: 1) and nobody accepting, all {tries} connects completed at once: the queue is longer " +
                "than 1 asked for. Pass the backlog parameter to Listen(backlog); Listen() with no argument asks for the system's maximum.");
        }
        finally
        {
            foreach (var s in sockets) s.Dispose();
        }
    }

    [Fact(DisplayName = "A failed Open leaves no socket open")]
    public void A_failed_Open_leaves_no_socket_open()
    {
        using var taken = LoopbackListener.Start();

        SocketLeaks.ExpectNothingLeftOpen(() => ListeningSocket.Open(taken.EndPoint).Dispose(),
            $"ListeningSocket.Open({taken.EndPoint}), a port that is taken,");
    }
}

/// <summary>Graders that count the process's sockets run alone, so other graders' sockets do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "counts the process's sockets";
}
