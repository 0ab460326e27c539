using System.Net.Sockets;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 3, what the Unix-domain server leaves open: nothing after a failed Start, nothing after Stop. Runs alone,
/// because it counts the process's sockets.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step3_UnixReleaseTests
{
    [Fact(DisplayName = "A path in a folder that does not exist is a SocketException, and leaves no socket open")]
    public void A_path_in_a_folder_that_does_not_exist_is_a_SocketException_and_leaves_no_socket_open()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sc02-no-{Guid.NewGuid():N}"[..14], "x.sock");

        Expect.Throws<SocketException>(() => UnixEchoServer.Start(path).DisposeAsync().AsTask().Wait(),
            $"the folder of {path} does not exist, so Bind cannot create the socket file there");
        SocketLeaks.ExpectNothingLeftOpen(() => UnixEchoServer.Start(path).DisposeAsync().AsTask().Wait(),
            $"UnixEchoServer.Start({path}), in a folder that does not exist,");
    }

    [Fact(DisplayName = "Stopping closes the listening socket")]
    public async Task Stopping_closes_the_listening_socket()
    {
        var grew = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var path = TempSocketPath.New();
            try
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = SocketLeaks.CountOpenSockets(); // null where the process's sockets cannot be seen (not Linux)
                var server = UnixEchoServer.Start(path);
                await server.DisposeAsync().AsTask().Within(Deadlines.Default, "DisposeAsync to stop the server");
                if (SocketLeaks.CountOpenSockets() > before) grew++;
            }
            finally
            {
                TempSocketPath.Clean(path);
            }
        }
        Assert.True(grew < 3,
            "After DisposeAsync the process held one more socket than before Start, each of 3 times: the listening socket was " +
            "never closed. Cancelling the accept ends the loop but leaves the socket open; dispose the listener when stopping.");
    }
}
