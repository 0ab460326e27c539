using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>
/// The grader's end of a Unix-domain stream connection (the harness's LoopbackPeer is TCP-only: it sets
/// NoDelay, which AF_UNIX does not have). Every wait has a deadline.
/// </summary>
internal sealed class UnixPeer(Socket socket, string name) : IDisposable
{
    public Socket Socket => socket;

    /// <summary>Connects to the socket file at <paramref name="path"/> within the deadline.</summary>
    public static async Task<UnixPeer> ConnectAsync(string path, string name = "the grader's client")
    {
        var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var cts = new CancellationTokenSource(Deadlines.Default);
        try
        {
            await s.ConnectAsync(new UnixDomainSocketEndPoint(path), cts.Token);
            return new UnixPeer(s, name);
        }
        catch (OperationCanceledException)
        {
            s.Dispose();
            throw Deadlines.TimedOut(Deadlines.Default, $"{name} to connect to {path}", "Is the server listening?");
        }
        catch (SocketException e)
        {
            s.Dispose();
            throw new GradingException(
                $"{name} could not connect to the Unix-domain socket {path} ({e.SocketErrorCode}). " +
                (File.Exists(path)
                    ? "The file exists but nothing accepts connections on it: did the server call Listen()? Is it still running?"
                    : "There is no file at that path: Bind(new UnixDomainSocketEndPoint(path)) creates it."), e);
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> data)
    {
        using var cts = new CancellationTokenSource(Deadlines.Default);
        while (!data.IsEmpty)
            data = data[await socket.SendAsync(data, SocketFlags.None, cts.Token)..];
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public void ShutdownSend() => socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads until the peer closes its side, within the deadline.</summary>
    public async Task<byte[]> ReadToEndAsync(string awaited, int maxBytes = 1 << 20)
    {
        using var cts = new CancellationTokenSource(Deadlines.Default);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0) return received.ToArray();
                received.Write(buffer, 0, n);
                if (received.Length > maxBytes)
                    throw new GradingException($"{name} received more than {maxBytes} bytes while waiting for {awaited}.");
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(Deadlines.Default, awaited,
                $"So far {name} received {Show.Bytes(received.ToArray())} but not the end of stream. " +
                "Did the other side Shutdown(Send) or close after sending?");
        }
        catch (SocketException e)
        {
            throw new GradingException($"While waiting for {awaited}, {name} got {Explain.Exception(e)} " +
                                       $"Received before that: {Show.Bytes(received.ToArray())}.", e);
        }
    }

    public async Task<string> ReadTextToEndAsync(string awaited) => Encoding.UTF8.GetString(await ReadToEndAsync(awaited));

    public void Dispose() => socket.Dispose();
}

/// <summary>Short, unique socket-file paths in the temp folder (Linux limits a socket path to about 107 bytes).</summary>
internal static class TempSocketPath
{
    public static string New() => Path.Combine(Path.GetTempPath(), $"sc02-{Guid.NewGuid():N}"[..13] + ".sock");

    /// <summary>
    /// Leaves a socket file nobody listens on at <paramref name="path"/>, as a crashed server would: bind and listen
    /// at a temporary name, rename the file to <paramref name="path"/>, then close (.NET deletes only the name it bound).
    /// </summary>
    public static void LeaveStaleSocketFile(string path)
    {
        var bound = path + ".tmp";
        using (var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            s.Bind(new UnixDomainSocketEndPoint(bound));
            s.Listen(1);
            File.Move(bound, path);
        }
        File.Delete(bound);
    }

    /// <summary>Deletes the file at <paramref name="path"/> if a test left one.</summary>
    public static void Clean(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }
}
