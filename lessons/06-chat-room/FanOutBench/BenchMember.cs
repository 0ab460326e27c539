using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Lessons.ChatRoom.Bench;

/// <summary>
/// One member on the clients' side: a socket that joined the room and counts the chat lines it receives (lines that
/// start with '&lt;'), without decoding them, so the clients cost as little as possible.
/// </summary>
sealed class BenchMember : IDisposable
{
    private readonly Socket _socket;
    private long _chatLines;
    private Task? _reading;

    private BenchMember(Socket socket) => _socket = socket;

    public long ChatLines => Volatile.Read(ref _chatLines);

    public static async Task<BenchMember> JoinAsync(IPEndPoint server, string nickname)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        var member = new BenchMember(socket);
        await member.SendAsync(nickname + "\n");
        member._reading = member.CountAsync();
        return member;
    }

    public async Task SendAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sent = 0;
        while (sent < bytes.Length) sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
    }

    private async Task CountAsync()
    {
        var buffer = new byte[64 * 1024];
        var atLineStart = true;
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0) return;
                long chats = 0;
                for (var i = 0; i < n; i++)
                {
                    if (atLineStart && buffer[i] == (byte)'<') chats++;
                    atLineStart = buffer[i] == (byte)'\n';
                }
                if (chats > 0) Interlocked.Add(ref _chatLines, chats);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _reading?.Wait(TimeSpan.FromSeconds(5));
    }
}
