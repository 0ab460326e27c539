using System.Net;
using System.Net.Sockets;
using SocketCourse.ChatRoom;

namespace SocketCourse.Browser.Tests;

// The servers' optional constructor arguments, each given once and seen to act. Found by mutation testing (.ci/mutation):
// every grader passed null (or the default), so a server that ignored what it was given went unnoticed.

/// <summary>Step 2: StaticFileServer listens where it is told and applies the limits it is given.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
public sealed class Step2_StaticFileServerArgumentsTests
{
    [Fact(DisplayName = "StaticFileServer listens on the end point given ([::1]) and applies the limits given")]
    public async Task StaticFileServer_uses_its_end_point_and_limits()
    {
        using var files = new WebRootFixture();
        using var server = new StaticFileServer(files.Root, new IPEndPoint(IPAddress.IPv6Loopback, 0), new HttpLimits(MaxBodyBytes: 10));
        server.Start();
        Assert.True(server.EndPoint.Address.Equals(IPAddress.IPv6Loopback) && server.EndPoint.Port != 0,
            $"new StaticFileServer(root, [::1]:0, …) listens on {server.EndPoint}; expected [::1] and the port the system picked. Bind the end point given; " +
            "127.0.0.1 is only for a null one.");

        var refused = await HttpWire.OneRequestAsync(server.EndPoint, "POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n",
            "a POST announcing 11 bytes to a server whose body limit is 10");
        Assert.True(refused.Status == 413,
            $"With HttpLimits(MaxBodyBytes: 10), a body of 11 bytes was answered with {refused}; expected 413 Content Too Large. Hand the limits given to the reader; " +
            "HttpLimits.Default is only for null.");
    }
}

/// <summary>Step 4: ChatWebServer serves the web root, listens on the end points, and uses the room it is given.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "4")]
public sealed class Step4_ChatWebServerArgumentsTests
{
    [Fact(DisplayName = "ChatWebServer serves the web root given, listens on the end points given, uses the room given and leaves it open")]
    public async Task ChatWebServer_uses_what_it_is_given()
    {
        using var files = new WebRootFixture();
        var room = new Room();
        try
        {
            var server = new ChatWebServer(files.Root, new IPEndPoint(IPAddress.IPv6Loopback, 0), new IPEndPoint(IPAddress.IPv6Loopback, 0), room);
            try
            {
                server.Start();
                Assert.True(ReferenceEquals(server.Room, room), "ChatWebServer.Room is not the room passed to the constructor; both kinds of members must join that one.");
                Assert.True(server.HttpEndPoint.Address.Equals(IPAddress.IPv6Loopback) && server.TcpEndPoint.Address.Equals(IPAddress.IPv6Loopback),
                    $"With [::1]:0 for both, HTTP listens on {server.HttpEndPoint} and TCP on {server.TcpEndPoint}; expected [::1] for both (127.0.0.1 is only for null).");

                var page = await HttpWire.OneRequestAsync(server.HttpEndPoint, HttpWire.Request("/index.html"), "GET /index.html from the web root given");
                Assert.True(page.Status == 200 && page.BodyText == WebRootFixture.IndexHtml,
                    $"GET /index.html from a ChatWebServer given the grader's web root got {page}; expected 200 and that folder's index.html. " +
                    "DefaultWebRoot is only for a null web root.");
            }
            finally
            {
                server.Stop(TimeSpan.FromSeconds(2));
            }
            Assert.False(room.IsClosed, "Stop closed the room it was given; it closes only a room it made itself (the caller may still use its own).");
        }
        finally
        {
            room.Close();
        }
    }
}
