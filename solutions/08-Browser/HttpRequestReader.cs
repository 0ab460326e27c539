using System.Text;

namespace SocketCourse.Browser;

/// <summary>
/// Step 1: reads HTTP/1.x requests from a stream, one after another (keep-alive), within limits.
/// </summary>
public sealed class HttpRequestReader
{
    private static readonly Encoding Ascii = Encoding.ASCII;
    private readonly Stream _stream;
    private readonly HttpLimits _limits;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    /// <summary>Reads requests from <paramref name="stream"/> within <paramref name="limits"/>.</summary>
    public HttpRequestReader(Stream stream, HttpLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _limits = limits ?? HttpLimits.Default;
        _buffer = new byte[Math.Max(_limits.MaxRequestLineBytes, _limits.MaxHeaderBytes) + 2];
    }

    /// <summary>The limits in force.</summary>
    public HttpLimits Limits => _limits;

    /// <summary>Reads the next request.</summary>
    public async Task<HttpRequest?> ReadRequestAsync(CancellationToken cancellationToken = default)
    {
        // Empty lines before a request line are ignored (RFC 9112, 2.2): some clients send a CRLF after a body.
        string requestLine;
        do
        {
            var line = await ReadLineAsync(_limits.MaxRequestLineBytes, atRequestStart: true, cancellationToken);
            if (line is null) return null;
            requestLine = line;
        } while (requestLine.Length == 0);

        var (method, target, version) = ParseRequestLine(requestLine);

        var headers = new List<KeyValuePair<string, string>>();
        var headerBytes = 0;
        while (true)
        {
            var budget = _limits.MaxHeaderBytes - headerBytes;
            var line = await ReadLineAsync(Math.Max(budget, 0), atRequestStart: false, cancellationToken, headerSection: true);
            headerBytes += line!.Length + 2;
            if (line.Length == 0) break;
            if (headers.Count == _limits.MaxHeaderCount)
                throw new HttpError(431, $"more than {_limits.MaxHeaderCount} header lines");
            headers.Add(ParseHeader(line));
        }

        if (version == "HTTP/1.1")
        {
            var hosts = headers.Count(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase));
            if (hosts != 1) throw new HttpError(400, hosts == 0 ? "an HTTP/1.1 request needs a Host header" : "more than one Host header");
        }
        if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
            throw new HttpError(501, "Transfer-Encoding is not supported by this server; send a Content-Length");

        var body = await ReadBodyAsync(headers, cancellationToken);
        return new HttpRequest(method, target, version, headers, body);
    }

    private static (string Method, string Target, string Version) ParseRequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            throw new HttpError(400, "the request line must be METHOD SP TARGET SP VERSION, with single spaces");
        var (method, target, version) = (parts[0], parts[1], parts[2]);
        if (!method.All(IsTokenChar)) throw new HttpError(400, $"the method \"{method}\" holds a character a method may not hold");
        if (target[0] != '/') throw new HttpError(400, "the target must start with '/' (origin form)");
        if (!target.All(c => c > 0x20 && c < 0x7F)) throw new HttpError(400, "the target holds a control character or a non-ASCII byte");
        if (version is "HTTP/1.1" or "HTTP/1.0") return (method, target, version);
        if (version.Length == 8 && version.StartsWith("HTTP/", StringComparison.Ordinal) &&
            char.IsAsciiDigit(version[5]) && version[6] == '.' && char.IsAsciiDigit(version[7]))
            throw new HttpError(505, $"{version} is not supported; this server speaks HTTP/1.1 and HTTP/1.0");
        throw new HttpError(400, $"\"{version}\" is not an HTTP version");
    }

    private static KeyValuePair<string, string> ParseHeader(string line)
    {
        if (line[0] is ' ' or '\t') throw new HttpError(400, "a header line starts with whitespace (obsolete line folding)");
        var colon = line.IndexOf(':');
        if (colon <= 0) throw new HttpError(400, "a header line has no name followed by ':'");
        var name = line[..colon];
        if (!name.All(IsTokenChar)) throw new HttpError(400, $"the header name \"{name}\" holds a character a name may not hold (whitespace before ':'?)");
        var value = line[(colon + 1)..].Trim(' ', '\t');
        if (value.Any(c => c < 0x20 && c != '\t' || c == 0x7F)) throw new HttpError(400, $"the value of {name} holds a control character");
        return new(name, value);
    }

    private async Task<byte[]> ReadBodyAsync(List<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var lengths = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).Distinct().ToList();
        if (lengths.Count == 0) return [];
        if (lengths.Count > 1) throw new HttpError(400, "Content-Length headers that disagree");
        var text = lengths[0];
        if (text.Length == 0 || text.Length > 18 || !text.All(char.IsAsciiDigit))
            throw new HttpError(400, $"Content-Length \"{text}\" is not a number of bytes");
        var length = long.Parse(text);
        if (length > _limits.MaxBodyBytes)
            throw new HttpError(413, $"a body of {length} bytes; the limit is {_limits.MaxBodyBytes}");
        var body = new byte[length];
        var filled = 0;
        var buffered = Math.Min(_end - _start, body.Length);
        _buffer.AsSpan(_start, buffered).CopyTo(body);
        _start += buffered;
        filled += buffered;
        while (filled < body.Length)
        {
            var read = await _stream.ReadAsync(body.AsMemory(filled), cancellationToken);
            if (read == 0) throw new HttpError(400, $"the connection ended after {filled} of {length} body bytes");
            filled += read;
        }
        return body;
    }

    // Reads one line (ending LF, an optional CR before it belongs to the line end) of at most maxBytes bytes
    // without its line end. Returns null only when atRequestStart and the stream ended before any byte.
    private async Task<string?> ReadLineAsync(int maxBytes, bool atRequestStart, CancellationToken cancellationToken, bool headerSection = false)
    {
        var scanned = 0;
        while (true)
        {
            var available = _end - _start;
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, available - scanned);
            if (newline >= 0)
            {
                var length = newline - _start;
                var textLength = length > 0 && _buffer[newline - 1] == '\r' ? length - 1 : length;
                if (textLength > maxBytes) throw TooLong(headerSection);
                var line = Ascii.GetString(_buffer, _start, textLength);
                if (_buffer.AsSpan(_start, textLength).IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 ||
                    _buffer.AsSpan(_start, textLength).Contains((byte)'\r'))
                    throw new HttpError(400, "a request line or header line holds a bare CR or a non-ASCII byte");
                _start = newline + 1;
                return line;
            }
            scanned = available;
            // No LF yet: more than maxBytes (+1 for a CR that may precede the LF) is over the limit already.
            if (available > maxBytes + 1) throw TooLong(headerSection);
            if (_start > 0)
            {
                _buffer.AsSpan(_start, available).CopyTo(_buffer);
                _end = available;
                _start = 0;
            }
            if (_end == _buffer.Length) throw TooLong(headerSection);
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                if (atRequestStart && available == 0) return null;
                throw new HttpError(400, "the connection ended in the middle of a request");
            }
            _end += read;
        }
    }

    private HttpError TooLong(bool headerSection) => headerSection
        ? new HttpError(431, $"the header lines hold more than {_limits.MaxHeaderBytes} bytes")
        : new HttpError(414, $"the request line is longer than {_limits.MaxRequestLineBytes} bytes");

    // tchar (RFC 9110, 5.6.2): letters, digits and !#$%&'*+-.^_`|~
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
