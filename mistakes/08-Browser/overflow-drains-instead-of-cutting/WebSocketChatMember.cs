using System.Net.WebSockets;
using System.Threading.Channels;
using SocketCourse.ChatRoom;

namespace SocketCourse.Browser;

/// <summary>Step 4: a chat member at the end of a WebSocket.</summary>
public sealed class WebSocketChatMember : IChatMember
{
    private readonly WebSocketConnection _connection;
    private readonly Channel<string> _outbox;
    private readonly CancellationTokenSource _disconnected = new();
    private readonly CancellationTokenSource _cutOff = new();
    private int _disconnectCalled;

    /// <summary>A member sending to <paramref name="connection"/>.</summary>
    public WebSocketChatMember(WebSocketConnection connection, int capacity = ChatLimits.DefaultOutboxLines)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _connection = connection;
        _outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity) { SingleReader = true });
        Sending = Task.Run(SendLoopAsync);
    }

    /// <summary>Cancelled when Disconnect is called.</summary>
    public CancellationToken Disconnected => _disconnected.Token;

    /// <summary>The sending task.</summary>
    public Task Sending { get; }

    /// <inheritdoc />
    public bool TryDeliver(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Volatile.Read(ref _disconnectCalled) != 0) return false;
        if (_outbox.Writer.TryWrite(line)) return true;
        // Full: this member reads too slowly; the room drops it when it sees false.
        Disconnect();
        return false;
    }

    /// <inheritdoc />
    public void Disconnect()
    {
        if (Interlocked.Exchange(ref _disconnectCalled, 1) != 0) return;
        _outbox.Writer.TryComplete();
        _disconnected.Cancel();
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var line in _outbox.Reader.ReadAllAsync(_cutOff.Token))
                await _connection.SendTextAsync(line, _cutOff.Token);
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(_cutOff.Token);
            closing.CancelAfter(TimeSpan.FromSeconds(2));
            await _connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", closing.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut off, or the connection is gone: the session's read loop sees it and ends.
        }
    }
}
