using System.Net.Sockets;

namespace SocketCourse.Testing;

/// <summary>
/// Two ends of one real TCP connection on loopback: <see cref="Grader"/> is driven by the test,
/// <see cref="Learner"/> is the plain socket handed to the code under test.
/// </summary>
public sealed class ConnectedPair : IDisposable
{
    private readonly ChaosProxy? _proxy;

    private ConnectedPair(LoopbackPeer grader, Socket learner, ChaosProxy? proxy = null)
    {
        Grader = grader;
        Learner = learner;
        _proxy = proxy;
    }

    /// <summary>The grader's end.</summary>
    public LoopbackPeer Grader { get; }

    /// <summary>The end given to the learner's code.</summary>
    public Socket Learner { get; }

    /// <summary>Connects a fresh pair through a listener on 127.0.0.1:0 (optionally through a <see cref="ChaosProxy"/>).</summary>
    public static async Task<ConnectedPair> OpenAsync(Chaos? graderToLearner = null)
    {
        using var listener = LoopbackListener.Start();
        if (graderToLearner is null)
        {
            var connecting = LoopbackPeer.ConnectAsync(listener.EndPoint, "the grader's peer");
            var accepted = await listener.AcceptAsync("the grader's own loopback connection");
            return new ConnectedPair(await connecting, accepted.Socket);
        }
        var proxy = ChaosProxy.Start(listener.EndPoint, graderToLearner);
        var viaProxy = LoopbackPeer.ConnectAsync(proxy.EndPoint, "the grader's peer");
        var learnerEnd = await listener.AcceptAsync("the grader's own connection through the chaos proxy");
        return new ConnectedPair(await viaProxy, learnerEnd.Socket, proxy);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Grader.Dispose();
        Learner.Dispose();
        _proxy?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
