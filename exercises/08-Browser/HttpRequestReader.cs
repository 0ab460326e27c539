namespace SocketCourse.Browser;

/// <summary>
/// Step 1: reads HTTP/1.x requests from a stream, one after another (keep-alive), within limits.
/// A request is a request line (<c>GET /index.html HTTP/1.1</c>), header lines (<c>Host: example</c>), an empty
/// line, then as many body bytes as <c>Content-Length</c> says. Lines end with CRLF (a bare LF is accepted too).
/// </summary>
/// <remarks>
/// TCP delivers bytes, not requests: keep what you read in a buffer of your own, so that bytes after one request
/// (the next request of a keep-alive client) are still there for the next call. Never read more than a limit
/// allows before refusing: a client that sends a megabyte with no line end gets 414 or 431 after about the limit.
/// </remarks>
public sealed class HttpRequestReader
{
    /// <summary>Reads requests from <paramref name="stream"/> (a <see cref="System.Net.Sockets.NetworkStream"/>,
    /// say) within <paramref name="limits"/> (<see cref="HttpLimits.Default"/> when null). The reader does not
    /// dispose the stream.</summary>
    public HttpRequestReader(Stream stream, HttpLimits? limits = null)
    {
        throw new NotImplementedException(
            "Step 1: keep the stream, the limits and a buffer of your own. See notebooks/08-browser.ipynb, step 1.");
    }

    /// <summary>The limits in force.</summary>
    public HttpLimits Limits =>
        throw new NotImplementedException("Step 1: keep the limits. See notebooks/08-browser.ipynb, step 1.");

    /// <summary>
    /// Reads the next request: the request line, the header lines up to the empty line, then the body.
    /// Empty lines before the request line are skipped. Checked, in this order:
    /// <list type="number">
    /// <item>Request line longer than <see cref="HttpLimits.MaxRequestLineBytes"/> (without its line end):
    /// 414, thrown as soon as that many bytes came without a line end.</item>
    /// <item>Request line not exactly <c>METHOD SP TARGET SP VERSION</c> with single spaces; a method with a
    /// character outside RFC 9110's token characters (letters, digits, <c>!#$%&amp;'*+-.^_`|~</c>); a target that
    /// does not start with <c>/</c> or holds a control character, a space or a non-ASCII byte; a version not of the
    /// form <c>HTTP/d.d</c>: 400. A well-formed version other than HTTP/1.1 and HTTP/1.0: 505.</item>
    /// <item>Header lines (line ends included) over <see cref="HttpLimits.MaxHeaderBytes"/> in all, or more than
    /// <see cref="HttpLimits.MaxHeaderCount"/> of them: 431.</item>
    /// <item>A header line without <c>name:</c> (a token, no whitespace before the colon), one starting with
    /// whitespace (obsolete folding), a value with a control character other than tab, a bare CR or a
    /// non-ASCII byte in any line: 400. Values are trimmed of spaces and tabs.</item>
    /// <item>An HTTP/1.1 request without exactly one Host header: 400.</item>
    /// <item>Any Transfer-Encoding header: 501 (this server reads bodies by Content-Length only).</item>
    /// <item>Content-Length not a plain decimal number, or several that disagree: 400; more than
    /// <see cref="HttpLimits.MaxBodyBytes"/>: 413, thrown before reading any of the body.</item>
    /// <item>The stream ending after the first byte of a request and before its last: 400.</item>
    /// </list>
    /// </summary>
    /// <param name="cancellationToken">Stops the wait for more bytes.</param>
    /// <returns>The request, or null when the stream ended cleanly before the first byte of a request.</returns>
    /// <exception cref="HttpError">The request is refused; its <see cref="HttpError.StatusCode"/> says why.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    public Task<HttpRequest?> ReadRequestAsync(CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 1: read lines from your buffer (refill it from the stream), checking each limit as bytes arrive. " +
            "See notebooks/08-browser.ipynb, step 1.");
    }
}
