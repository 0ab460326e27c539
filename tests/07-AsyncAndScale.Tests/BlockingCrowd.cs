using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>
/// Many of the grader's clients driven from one dedicated thread with blocking calls, each bounded by what is left of
/// one deadline. It needs no thread-pool thread, so its verdict comes on time even when the server under test has
/// blocked every pool thread (the mistake the thread-count grader looks for), instead of starving with it.
/// </summary>
internal sealed class BlockingCrowd : IDisposable
{
    private readonly List<Socket> _clients = [];

    public int Count => _clients.Count;

    /// <summary>Runs <paramref name="body"/> on a new thread of its own and returns its result, or fails after <paramref name="limit"/>.</summary>
    public static T OnOwnThread<T>(Func<T> body, TimeSpan limit, string what)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }) { IsBackground = true, Name = "grader: " + what };
        thread.Start();
        if (!thread.Join(limit)) throw Deadlines.TimedOut(limit, what);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return result;
    }

    /// <summary>Connects up to <paramref name="count"/> clients one after the other, each connect waiting at most for what is
    /// left of <paramref name="deadline"/> (a non-blocking connect and a Poll); returns how many connected.</summary>
    public int Connect(IPEndPoint server, int count, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var left = deadline - clock.Elapsed;
            if (left <= TimeSpan.Zero) break;
            var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                socket.Connect(server);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                if (!socket.Poll(left, SelectMode.SelectWrite) || socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is not 0)
                {
                    socket.Dispose();
                    continue;
                }
            }
            catch (SocketException)
            {
                socket.Dispose();
                continue;
            }
            socket.Blocking = true;
            _clients.Add(socket);
        }
        return _clients.Count;
    }

    /// <summary>Sends every client the line <c>client N</c>, then reads every answer, each read bounded by what is left of
    /// <paramref name="deadline"/>. Returns how many answered correctly, and the first wrong answer.</summary>
    public (int Answered, string? FirstWrong) RoundTripAll(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var sent = new bool[_clients.Count];
        for (var i = 0; i < _clients.Count; i++)
        {
            try
            {
                _clients[i].Send(Encoding.UTF8.GetBytes($"client {i}\n"));
                sent[i] = true;
            }
            catch (SocketException)
            {
            }
        }
        var answered = 0;
        string? wrong = null;
        for (var i = 0; i < _clients.Count; i++)
        {
            if (!sent[i]) continue;
            var left = deadline - clock.Elapsed;
            if (left <= TimeSpan.Zero) break;
            var got = ReadLine(_clients[i], left);
            if (got == $"client {i}") answered++;
            else wrong ??= got;
        }
        return (answered, wrong);
    }

    /// <summary>Reads one line from every client, each read bounded by what is left of <paramref name="deadline"/>; returns how many read
    /// <paramref name="expected"/>.</summary>
    public int ReadLineFromEach(string expected, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var right = 0;
        foreach (var client in _clients)
        {
            var left = deadline - clock.Elapsed;
            if (left <= TimeSpan.Zero) break;
            if (ReadLine(client, left) == expected) right++;
        }
        return right;
    }

    private static string? ReadLine(Socket socket, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var received = new List<byte>();
        var buffer = new byte[256];
        while (received.Count < 1024)
        {
            var left = within - clock.Elapsed;
            if (left <= TimeSpan.Zero || !socket.Poll(left, SelectMode.SelectRead)) return null;
            int n;
            try
            {
                n = socket.Receive(buffer);
            }
            catch (SocketException)
            {
                return null;
            }
            if (n == 0) return null;
            for (var i = 0; i < n; i++)
            {
                if (buffer[i] == (byte)'\n') return Encoding.UTF8.GetString(received.ToArray());
                received.Add(buffer[i]);
            }
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    public void Dispose()
    {
        foreach (var socket in _clients) socket.Dispose();
        _clients.Clear();
    }
}
