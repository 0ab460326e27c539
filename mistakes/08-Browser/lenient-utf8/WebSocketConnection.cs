using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace SocketCourse.Browser;

/// <summary>Step 3: text messages over WebSocket frames, one end of a connection.</summary>
public sealed class WebSocketConnection
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly bool _isServer;
    private readonly long _maxMessageBytes;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private bool _closeSent;
    private bool _closeReceived;

    /// <summary>One end of a WebSocket connection whose handshake is done.</summary>
    public WebSocketConnection(Stream stream, bool isServer, long maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        _stream = stream;
        _isServer = isServer;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>64 KiB.</summary>
    public const long DefaultMaxMessageBytes = 64 * 1024;

    /// <summary>The close status the peer sent.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>Receives the next text message.</summary>
    public async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReceiveAsync(cancellationToken);
        }
        catch (WebSocketProtocolException violation)
        {
            await TrySendCloseAsync(violation.CloseStatus, violation.Message, cancellationToken);
            throw;
        }
    }

    private async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = new MemoryStream();
        var inMessage = false;
        while (true)
        {
            var frame = await WebSocketFrameCodec.ReadFrameAsync(_stream, expectMasked: _isServer, _maxMessageBytes, cancellationToken);
            if (frame is null)
            {
                if (inMessage) throw new EndOfStreamException("the connection ended in the middle of a message");
                return null;
            }
            switch (frame.Opcode)
            {
                case WebSocketOpcode.Ping:
                    await SendFrameAsync(new WebSocketFrame(true, WebSocketOpcode.Pong, frame.Payload), cancellationToken);
                    continue;
                case WebSocketOpcode.Pong:
                    continue;
                case WebSocketOpcode.Close:
                    _closeReceived = true;
                    var (status, reply) = ReadCloseStatus(frame.Payload);
                    CloseStatus = status;
                    await TrySendCloseAsync(reply, "", cancellationToken);
                    return null;
                case WebSocketOpcode.Text or WebSocketOpcode.Binary:
                    if (inMessage) throw new WebSocketProtocolException(WebSocketCloseStatus.ProtocolError, "a new message began before the last one's final fragment");
                    if (frame.Opcode == WebSocketOpcode.Binary)
                        throw new WebSocketProtocolException(WebSocketCloseStatus.InvalidMessageType, "this endpoint accepts text messages only");
                    inMessage = true;
                    break;
                case WebSocketOpcode.Continuation:
                    if (!inMessage) throw new WebSocketProtocolException(WebSocketCloseStatus.ProtocolError, "a continuation frame with no message to continue");
                    break;
            }
            if (message.Length + frame.Payload.Length > _maxMessageBytes)
                throw new WebSocketProtocolException(WebSocketCloseStatus.MessageTooBig, $"a message of more than {_maxMessageBytes} bytes");
            message.Write(frame.Payload);
            if (!frame.Fin) continue;
            try { return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length); }
            catch (DecoderFallbackException)
            {
                throw new WebSocketProtocolException(WebSocketCloseStatus.InvalidPayloadData, "a text message that is not valid UTF-8");
            }
        }
    }

    // The status in a close frame's payload, and the one to answer with.
    private static (WebSocketCloseStatus? Received, WebSocketCloseStatus Reply) ReadCloseStatus(byte[] payload)
    {
        if (payload.Length == 0) return (null, WebSocketCloseStatus.NormalClosure);
        if (payload.Length == 1) throw new WebSocketProtocolException(WebSocketCloseStatus.ProtocolError, "a close frame with a 1-byte payload");
        var code = BinaryPrimitives.ReadUInt16BigEndian(payload);
        var valid = code is (>= 1000 and <= 1003) or (>= 1007 and <= 1011) or (>= 3000 and <= 4999);
        if (!valid) throw new WebSocketProtocolException(WebSocketCloseStatus.ProtocolError, $"close code {code} may not be sent on the wire");
        try { StrictUtf8.GetString(payload, 2, payload.Length - 2); }
        catch (DecoderFallbackException) { throw new WebSocketProtocolException(WebSocketCloseStatus.InvalidPayloadData, "a close reason that is not valid UTF-8"); }
        return ((WebSocketCloseStatus)code, (WebSocketCloseStatus)code);
    }

    /// <summary>Sends one text message.</summary>
    public Task SendTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_closeSent) throw new InvalidOperationException("the close frame was sent: no more messages");
        return SendFrameAsync(new WebSocketFrame(true, WebSocketOpcode.Text, StrictUtf8.GetBytes(text)), cancellationToken);
    }

    /// <summary>Starts the close handshake.</summary>
    public Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return TrySendCloseAsync(status, reason, cancellationToken);
    }

    private async Task TrySendCloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        var reasonBytes = StrictUtf8.GetBytes(reason);
        if (reasonBytes.Length > 123) reasonBytes = reasonBytes[..123];
        var payload = new byte[2 + reasonBytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        reasonBytes.CopyTo(payload, 2);
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (_closeSent) return;
            _closeSent = true;
            await WriteAsync(new WebSocketFrame(true, WebSocketOpcode.Close, payload), cancellationToken);
        }
        catch (IOException) { }
        finally { _sending.Release(); }
    }

    private async Task SendFrameAsync(WebSocketFrame frame, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (_closeSent) return;
            await WriteAsync(frame, cancellationToken);
        }
        finally { _sending.Release(); }
    }

    private async Task WriteAsync(WebSocketFrame frame, CancellationToken cancellationToken)
    {
        var mask = _isServer ? [] : RandomNumberGenerator.GetBytes(4);
        await _stream.WriteAsync(WebSocketFrameCodec.Encode(frame, mask), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Whether both close frames have passed.</summary>
    public bool IsClosed => _closeSent && _closeReceived;
}
