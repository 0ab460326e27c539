using System.Net;
using SocketCourse.ChatRoom;

namespace SocketCourse.ChatProtocol;

/// <summary>
/// A running chat server, as the shared protocol graders see it. Each lesson's test project says how to start its
/// server (lesson 06: threads; lesson 07: async) by deriving from a grader class and returning one of these.
/// </summary>
public interface IChatServerUnderTest : IAsyncDisposable
{
    /// <summary>Where the server listens (127.0.0.1, the port the system chose).</summary>
    IPEndPoint EndPoint { get; }

    /// <summary>The room its clients join.</summary>
    Room Room { get; }

    /// <summary>Stops the server within the harness deadline; fails naming what it waited for when Stop does not return.</summary>
    Task StopAsync();
}
