namespace SocketCourse.Browser;

/// <summary>The opcode in the low 4 bits of a WebSocket frame's first byte (RFC 6455, section 5.2).</summary>
public enum WebSocketOpcode : byte
{
    /// <summary>The next fragment of a message begun by a Text or Binary frame.</summary>
    Continuation = 0x0,
    /// <summary>A text message (its payload, all fragments together, is UTF-8).</summary>
    Text = 0x1,
    /// <summary>A binary message.</summary>
    Binary = 0x2,
    /// <summary>Control: close, with an optional 2-byte status code and a UTF-8 reason.</summary>
    Close = 0x8,
    /// <summary>Control: ping; the peer answers with a pong carrying the same payload.</summary>
    Ping = 0x9,
    /// <summary>Control: pong.</summary>
    Pong = 0xA,
}
