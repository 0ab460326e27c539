using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>The load tool's client connections: a socket with a small line reader, every wait bounded by a token.</summary>
public sealed class LineClient : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[4096];
    private int _start, _end;

    private LineClient(Socket socket) => _socket = socket;

    /// <summary>Connects, retrying a refused connect (a full backlog on Windows) until the token ends.</summary>
    public static async Task<LineClient> ConnectAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        while (true)
        {
            var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(server, cancellationToken);
                return new LineClient(socket);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                socket.Dispose();
                await Task.Delay(50, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    public async Task SendLineAsync(string line, CancellationToken cancellationToken) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(line + "\n"), SocketFlags.None, cancellationToken);

    /// <summary>The next line without its LF; null at end of stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, newline - _start);
                _start = newline + 1;
                return line;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) throw new InvalidDataException("a line longer than 4 KiB");
            var n = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            if (n == 0) return null;
            _end += n;
        }
    }

    public void Dispose() => _socket.Dispose();
}
