namespace SocketCourse.Browser;

/// <summary>One WebSocket frame, unmasked: the mask is a matter of the wire, not of the content.</summary>
/// <param name="Fin">Whether this is the last frame of its message (control frames always are).</param>
/// <param name="Opcode">What the frame carries.</param>
/// <param name="Payload">The payload bytes, already unmasked.</param>
public sealed record WebSocketFrame(bool Fin, WebSocketOpcode Opcode, byte[] Payload)
{
    /// <summary>Whether the opcode is a control opcode (close, ping, pong: 0x8 and up).</summary>
    public bool IsControl => (byte)Opcode >= 0x8;

    /// <summary>The frame, described for failure messages: opcode, FIN and payload length.</summary>
    public override string ToString() => $"{Opcode} frame (FIN={(Fin ? 1 : 0)}, {Payload.Length} bytes)";
}
