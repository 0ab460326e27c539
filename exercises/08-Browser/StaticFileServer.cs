using System.Net;

namespace SocketCourse.Browser;

/// <summary>
/// Step 2: an HTTP/1.1 static file server: every connection is served on its own task, request after request
/// (keep-alive), with <see cref="HttpRequestReader"/> reading and <see cref="HttpResponseWriter"/> answering.
/// </summary>
/// <remarks>
/// For each request, in this order:
/// <list type="number">
/// <item>A refused request (<see cref="HttpError"/>): answer its status code with a text body and
/// <c>Connection: close</c>, then close politely (see below).</item>
/// <item>The upgrade handler, if any, is offered the request; when it returns true the connection was its
/// business: close it politely.</item>
/// <item>A method other than GET and HEAD: 405 with <c>Allow: GET, HEAD</c>.</item>
/// <item>A path that <see cref="WebRoot.Resolve"/> maps to no file (missing or refused): 404, without saying which.</item>
/// <item>Otherwise 200 with <c>Content-Type</c> from <see cref="ContentTypes.For"/>, <c>Content-Length</c> and the
/// file's bytes; for HEAD the same head and no body.</item>
/// </list>
/// Every answer carries <c>Connection: keep-alive</c> or <c>Connection: close</c>. An HTTP/1.1 connection stays
/// open unless the request says <c>Connection: close</c>; an HTTP/1.0 one closes unless it says
/// <c>Connection: keep-alive</c>. A clean end of stream between requests ends the connection quietly.
/// Closing politely: shut down sending (FIN), then read and drop what the client still sends for up to two
/// seconds, so that closing with unread bytes does not reset the connection and destroy the answer. One broken
/// connection never stops the others.
/// </remarks>
public sealed class StaticFileServer : IDisposable
{
    /// <summary>A server (not started) for the files under <paramref name="webRoot"/>.</summary>
    /// <param name="webRoot">The directory to serve.</param>
    /// <param name="endPoint">Where to listen; 127.0.0.1 on a port the system picks when null.</param>
    /// <param name="limits">The request limits; <see cref="HttpLimits.Default"/> when null.</param>
    /// <param name="upgrade">Offered every request first (step 4 serves WebSocket upgrades through it).</param>
    public StaticFileServer(string webRoot, IPEndPoint? endPoint = null, HttpLimits? limits = null, HttpUpgradeHandler? upgrade = null)
    {
        throw new NotImplementedException(
            "Step 2: keep a WebRoot, the endpoint, the limits and the handler. See notebooks/08-browser.ipynb, step 2.");
    }

    /// <summary>Where the server listens, after <see cref="Start"/> (the real port when 0 was asked).</summary>
    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Step 2: the listener's local endpoint. See notebooks/08-browser.ipynb, step 2.");

    /// <summary>Binds, listens and starts accepting on a background task; returns at once.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">The bind failed (the port is taken, say); no socket
    /// is left open.</exception>
    public void Start()
    {
        throw new NotImplementedException(
            "Step 2: bind, listen, and start an accept loop that serves each connection on its own task. See notebooks/08-browser.ipynb, step 2.");
    }

    /// <summary>Stops accepting, cancels the connections' waits (the upgrade handler's token too), waits up to
    /// <paramref name="timeout"/> for them to end, then closes whatever is still open. The port is free
    /// afterwards. Calling it again does nothing.</summary>
    public void Stop(TimeSpan timeout)
    {
        throw new NotImplementedException(
            "Step 2: cancel, close the listener, wait for the connections, close the rest. See notebooks/08-browser.ipynb, step 2.");
    }

    /// <summary><see cref="Stop"/> with a timeout of two seconds.</summary>
    public void Dispose()
    {
        throw new NotImplementedException("Step 2: Stop with two seconds. See notebooks/08-browser.ipynb, step 2.");
    }
}
