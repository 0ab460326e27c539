using System.Security.Cryptography;
using System.Text;

namespace SocketCourse.Browser;

/// <summary>Step 3: the WebSocket opening handshake, server side (RFC 6455, section 4.2).</summary>
public static class WebSocketHandshake
{
    /// <summary>The GUID every WebSocket server appends to the client's key.</summary>
    public const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>The Sec-WebSocket-Accept value for a key.</summary>
    public static string ComputeAccept(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid)));
    }

    /// <summary>Whether the request asks for a WebSocket.</summary>
    public static bool IsUpgradeRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HeaderHasToken("Upgrade", "websocket");
    }

    /// <summary>Answers an upgrade request.</summary>
    public static async Task<bool> TryAcceptAsync(HttpRequest request, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stream);
        var problem = Check(request);
        if (problem is { } refusal)
        {
            var extra = refusal.Status == 426 ? new[] { new KeyValuePair<string, string>("Sec-WebSocket-Version", "13") } : null;
            await HttpResponseWriter.WriteTextAsync(stream, refusal.Status, $"{refusal.Status} {HttpStatus.Reason(refusal.Status)}: {refusal.Why}",
                keepAlive: false, extra, cancellationToken: cancellationToken);
            return false;
        }
        var head = HttpResponseWriter.Head(101,
        [
            new("Upgrade", "websocket"),
            new("Connection", "Upgrade"),
            new("Sec-WebSocket-Accept", ComputeAccept(request.Header("Sec-WebSocket-Key")!)),
        ]);
        await stream.WriteAsync(head, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return true;
    }

    private static (int Status, string Why)? Check(HttpRequest request)
    {
        if (request.Method != "GET") return (400, "a WebSocket handshake is a GET request");
        if (request.Version != "HTTP/1.1") return (400, "a WebSocket handshake needs HTTP/1.1");
        if (!request.HeaderHasToken("Upgrade", "websocket")) return (400, "Upgrade: websocket is missing");
        if (!request.HeaderHasToken("Connection", "Upgrade")) return (400, "Connection: Upgrade is missing");
        if (request.Header("Sec-WebSocket-Version") != "13") return (426, "this server speaks WebSocket version 13 only");
        var key = request.Header("Sec-WebSocket-Key");
        if (key is null) return (400, "Sec-WebSocket-Key is missing");
        var decoded = new byte[24];
        if (!Convert.TryFromBase64String(key, decoded, out var length) || length != 16)
            return (400, "Sec-WebSocket-Key must be 16 random bytes in base64");
        return null;
    }
}
