namespace SocketCourse.Browser;

/// <summary>
/// Offered every request before the static files are: returns true when it took the connection over (a WebSocket
/// upgrade, say) and has finished with it, false to let the server answer the request as usual.
/// </summary>
/// <param name="request">The request just read.</param>
/// <param name="connection">The connection's stream, for the handler's answer and whatever follows it.</param>
/// <param name="stopping">Cancelled when the server stops.</param>
public delegate Task<bool> HttpUpgradeHandler(HttpRequest request, Stream connection, CancellationToken stopping);
