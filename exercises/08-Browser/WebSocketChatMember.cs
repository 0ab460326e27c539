using SocketCourse.ChatRoom;

namespace SocketCourse.Browser;

/// <summary>
/// Step 4: a chat member at the end of a WebSocket: lesson 06's <see cref="IChatMember"/>, so the very same
/// <see cref="Room"/> that holds the TCP members holds this one too. Each line the room delivers is sent as one
/// text message; the room never waits for the browser.
/// </summary>
/// <remarks>
/// Lines wait in a bounded outbox (a <see cref="System.Threading.Channels.Channel"/> of <c>capacity</c> lines, say)
/// that one sending task empties in order with <see cref="WebSocketConnection.SendTextAsync"/>.
/// </remarks>
public sealed class WebSocketChatMember : IChatMember
{
    /// <summary>A member sending to <paramref name="connection"/> (the server's end, handshake done), starting its
    /// sending task at once.</summary>
    /// <param name="connection">The WebSocket to send on.</param>
    /// <param name="capacity">How many lines may wait in the outbox.</param>
    public WebSocketChatMember(WebSocketConnection connection, int capacity = ChatLimits.DefaultOutboxLines)
    {
        throw new NotImplementedException(
            "Step 4: a bounded outbox and a task that sends its lines in order. See notebooks/08-browser.ipynb, step 4.");
    }

    /// <summary>Cancelled when <see cref="Disconnect"/> is called (by the room, by /quit, or because the outbox
    /// overflowed): the session reading this member's WebSocket stops waiting then.</summary>
    public CancellationToken Disconnected =>
        throw new NotImplementedException("Step 4: a token cancelled by Disconnect. See notebooks/08-browser.ipynb, step 4.");

    /// <summary>The sending task: it ends after the outbox is empty and the close frame (1000) was sent following
    /// <see cref="Disconnect"/>, or at once when the member was cut off or the connection failed. It never faults.</summary>
    public Task Sending =>
        throw new NotImplementedException("Step 4: the task that empties the outbox. See notebooks/08-browser.ipynb, step 4.");

    /// <summary>
    /// Puts <paramref name="line"/> in the outbox without waiting. False once disconnected, and false when the outbox
    /// is full: then the member is cut off at once (its waiting lines are dropped, its sending stops) and disconnected,
    /// and the room drops it as too slow.
    /// </summary>
    public bool TryDeliver(string line)
    {
        throw new NotImplementedException(
            "Step 4: TryWrite to the outbox; a full outbox cuts the member off. See notebooks/08-browser.ipynb, step 4.");
    }

    /// <summary>
    /// Ends the member without waiting: no more lines are taken, the ones waiting are still sent, then a close frame
    /// with 1000; <see cref="Disconnected"/> is cancelled. Calling it again does nothing.
    /// </summary>
    public void Disconnect()
    {
        throw new NotImplementedException(
            "Step 4: complete the outbox and cancel the Disconnected token, once. See notebooks/08-browser.ipynb, step 4.");
    }
}
