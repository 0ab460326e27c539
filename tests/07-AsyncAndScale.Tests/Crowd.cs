using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>
/// Many of the grader's clients at once, each a plain socket: connect them all, send each a line, read each one's
/// answer. Every wait is bounded by one deadline for the whole crowd, and the result says how many got through.
/// </summary>
internal sealed class Crowd : IDisposable
{
    private readonly List<Socket> _clients = [];

    public int Count => _clients.Count;

    public IReadOnlyList<Socket> Clients => _clients;

    /// <summary>Connects <paramref name="count"/> clients, at most <paramref name="atOnce"/> connects in flight. A refused
    /// connect (Windows refuses when the backlog is full) is tried again until the deadline. Returns how many connected.</summary>
    public async Task<int> ConnectAsync(IPEndPoint server, int count, int atOnce, TimeSpan deadline)
    {
        using var stop = new CancellationTokenSource(deadline);
        using var slots = new SemaphoreSlim(atOnce);
        var connects = Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                await slots.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            try
            {
                return await ConnectOneAsync(server, stop.Token);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        foreach (var socket in await Task.WhenAll(connects))
            if (socket is not null) _clients.Add(socket);
        return _clients.Count;
    }

    private static async Task<Socket?> ConnectOneAsync(IPEndPoint server, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(server, stop);
                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                socket.Dispose();
                try
                {
                    await Task.Delay(100, stop);
                }
                catch (OperationCanceledException)
                {
                }
            }
            catch (Exception)
            {
                socket.Dispose();
                return null;
            }
        }
        return null;
    }

    /// <summary>Sends every client the line <c>client N</c> and reads its answer; returns how many answered correctly
    /// within the deadline, and the first wrong answer seen.</summary>
    public async Task<(int Answered, string? FirstWrong)> RoundTripAllAsync(TimeSpan deadline)
    {
        using var stop = new CancellationTokenSource(deadline);
        var trips = _clients.Select((socket, i) => RoundTripAsync(socket, $"client {i}", stop.Token)).ToList();
        var answers = await Task.WhenAll(trips);
        var answered = answers.Count(a => a.Ok);
        var wrong = answers.FirstOrDefault(a => !a.Ok && a.Got is not null).Got;
        return (answered, wrong);
    }

    /// <summary>Sends one line on <paramref name="socket"/> and reads one line back.</summary>
    public static async Task<(bool Ok, string? Got)> RoundTripAsync(Socket socket, string line, CancellationToken stop)
    {
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(line + "\n"), SocketFlags.None, stop);
            var got = await ReadLineAsync(socket, stop);
            return (got == line, got);
        }
        catch (Exception)
        {
            return (false, null);
        }
    }

    /// <summary>Reads bytes up to the first LF (at most 1 KiB); null if the stream ends first.</summary>
    public static async Task<string?> ReadLineAsync(Socket socket, CancellationToken stop)
    {
        var received = new List<byte>();
        var buffer = new byte[256];
        while (received.Count < 1024)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
            if (n == 0) return null;
            for (var i = 0; i < n; i++)
            {
                if (buffer[i] == (byte)'\n') return Encoding.UTF8.GetString(received.ToArray());
                received.Add(buffer[i]);
            }
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    /// <summary>How many clients read end of stream (or a reset) within the deadline: their connection was closed.</summary>
    public async Task<int> CountClosedAsync(TimeSpan deadline)
    {
        using var stop = new CancellationTokenSource(deadline);
        var ends = _clients.Select(async socket =>
        {
            var buffer = new byte[256];
            try
            {
                while (await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token) > 0)
                {
                }
                return true;
            }
            catch (SocketException)
            {
                return true; // a reset is a close too
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        });
        return (await Task.WhenAll(ends)).Count(closed => closed);
    }

    public void Dispose()
    {
        foreach (var socket in _clients) socket.Dispose();
        _clients.Clear();
    }
}
