using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 2, the request's two ways to stop waiting, kept apart: its own timeout, and the caller's cancellation.
/// And the same request over IPv6.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
public sealed class Step2_UdpCancellationTests
{
    [Fact(DisplayName = "The caller's cancellation is not reported as a timeout")]
    public async Task The_callers_cancellation_is_not_reported_as_a_timeout()
    {
        using var silent = UdpPeer.Open("a bound UDP socket that never replies");
        using var cancel = new CancellationTokenSource();

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(silent.EndPoint, "anyone?"u8.ToArray(), TimeSpan.FromSeconds(10),
            cancellationToken: cancel.Token));
        // While waiting for the request, a stub's NotImplementedException (or any failure of the request) is what fails.
        await CodeUnderTest.WhileRunning(asking, () => silent.ReceiveAsync("the request datagram"));
        cancel.Cancel();

        await Expect.Throws<OperationCanceledException>(asking,
            "the caller cancelled its token long before the 10 s timeout. A TimeoutException would say \"the server did not answer " +
            "in time\", which is not what happened: turn the cancellation into a TimeoutException only when the caller's token is " +
            "not cancelled (catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested))", Deadlines.Short);
    }

    [Fact(DisplayName = "A server on IPv6 loopback is asked over IPv6")]
    public async Task A_server_on_IPv6_loopback_is_asked_over_IPv6()
    {
        using var server = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        var endpoint = (IPEndPoint)server.LocalEndPoint!;

        var asking = CodeUnderTest.Start(() => UdpRequest.SendTextAsync(endpoint, "hello, v6", TimeSpan.FromSeconds(2)));
        try
        {
            await CodeUnderTest.WhileRunning(asking, async () =>
            {
                var buffer = new byte[256];
                using var deadline = new CancellationTokenSource(Deadlines.Default);
                var got = await server.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.IPv6Any, 0), deadline.Token);
                await server.SendToAsync(Encoding.UTF8.GetBytes("v6 pong"), SocketFlags.None, got.RemoteEndPoint, deadline.Token);
                return true;
            });
            var reply = await CodeUnderTest.Finish(asking, "SendTextAsync to return the reply over IPv6");
            Assert.True(reply == "v6 pong", $"Over [::1] the server replied \"v6 pong\"; SendTextAsync returned {Show.Text(reply)}.");
        }
        catch (Exception e) when (e is SocketException or NotSupportedException or ArgumentException)
        {
            throw new GradingException($"Asking {endpoint} failed with {Explain.Exception(e)} The server is at [::1], the IPv6 loopback. " +
                                       Explain.AddressFamily, e);
        }
        catch (OperationCanceledException e)
        {
            throw new GradingException($"The request never reached {endpoint}: {Explain.AddressFamily}", e);
        }
    }
}
