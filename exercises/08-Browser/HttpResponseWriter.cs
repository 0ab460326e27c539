namespace SocketCourse.Browser;

/// <summary>
/// Step 2: writes HTTP/1.1 responses: the status line (<c>HTTP/1.1 404 Not Found</c>), header lines
/// (<c>Name: value</c>), an empty line, then the body. Every line ends with CRLF.
/// </summary>
public static class HttpResponseWriter
{
    /// <summary>
    /// The ASCII bytes of a response head: <c>HTTP/1.1 {code} {reason}\r\n</c> with the reason from
    /// <see cref="HttpStatus.Reason"/>, one <c>{name}: {value}\r\n</c> per header in the order given, then
    /// <c>\r\n</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The status code is not three digits.</exception>
    /// <exception cref="ArgumentException">A header name is empty or holds whitespace, a colon or a non-ASCII
    /// character, or a value holds CR or LF (that would let a value inject lines of its own).</exception>
    public static byte[] Head(int statusCode, IEnumerable<KeyValuePair<string, string>> headers)
    {
        throw new NotImplementedException(
            "Step 2: build the status line and the header lines, each ending in \\r\\n, then an empty line. See notebooks/08-browser.ipynb, step 2.");
    }

    /// <summary>
    /// Writes a whole response and flushes: the head from <see cref="Head"/> with the headers given plus
    /// <c>Content-Length</c> (the body's length) unless the headers hold one already or the status is 1xx,
    /// then the body. With <paramref name="headOnly"/> (the answer to a HEAD request) the head is the same, and
    /// no body follows it.
    /// </summary>
    public static Task WriteAsync(Stream stream, int statusCode, IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body, bool headOnly = false, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 2: write the head (with Content-Length) and then the body. See notebooks/08-browser.ipynb, step 2.");
    }

    /// <summary>
    /// Writes a short plain-text response through <see cref="WriteAsync"/>: the body is <paramref name="text"/>
    /// and a LF in UTF-8, with <c>Content-Type: text/plain; charset=utf-8</c>, <c>Connection: keep-alive</c> or
    /// <c>Connection: close</c> as <paramref name="keepAlive"/> says, then <paramref name="extraHeaders"/>.
    /// </summary>
    public static Task WriteTextAsync(Stream stream, int statusCode, string text, bool keepAlive,
        IEnumerable<KeyValuePair<string, string>>? extraHeaders = null, bool headOnly = false, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 2: a text body with Content-Type and Connection headers. See notebooks/08-browser.ipynb, step 2.");
    }
}
