using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>
/// The grader's WebSocket echo server, built from the learner's step 1-3 pieces: it reads the upgrade request with
/// HttpRequestReader, answers it with WebSocketHandshake, and echoes text messages with WebSocketConnection.
/// What the learner's code throws is recorded per connection.
/// </summary>
internal sealed class EchoOverLearnerCode : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    private EchoOverLearnerCode(Socket listener)
    {
        _listener = listener;
        _accepting = AcceptLoop();
    }

    public EndPoint EndPoint => _listener.LocalEndPoint!;

    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Faults with the first unexpected failure of the learner's code on any connection (a stub's
    /// NotImplementedException, say), for CodeUnderTest.WhileRunning to report instead of the wait it caused.</summary>
    public Task Running => _failed.Task;

    /// <summary>What each connection's receive loop ended with: null (closed), or the exception.</summary>
    public List<Exception?> Endings { get; } = [];

    public static EchoOverLearnerCode Start()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        return new(listener);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception) { return; }
            lock (_connections) _connections.Add(Task.Run(() => Serve(socket)));
        }
    }

    private readonly List<Socket> _heldOpen = [];

    private async Task Serve(Socket socket)
    {
        var stream = new NetworkStream(socket, ownsSocket: false);
        Exception? ending = null;
        try
        {
            var request = await new HttpRequestReader(stream).ReadRequestAsync(_stop.Token);
            if (request is not null && await WebSocketHandshake.TryAcceptAsync(request, stream, _stop.Token))
            {
                var connection = new WebSocketConnection(stream, isServer: true, maxMessageBytes: 100_000);
                while (await connection.ReceiveTextAsync(_stop.Token) is { } text)
                    await connection.SendTextAsync("echo: " + text, _stop.Token);
            }
        }
        catch (Exception e) when (e is NotImplementedException || e is not (WebSocketProtocolException or IOException or SocketException or OperationCanceledException or HttpError))
        {
            // The learner's code failed: keep the connection open until the end of the grader, so that the grader's
            // side waits (and CodeUnderTest.WhileRunning reports this failure) instead of failing first on a closed stream.
            ending = e;
            lock (_heldOpen) _heldOpen.Add(socket);
            _failed.TrySetException(e);
            return;
        }
        catch (Exception e)
        {
            ending = e;
        }
        finally
        {
            lock (Endings) Endings.Add(ending);
        }
        // Close politely: FIN first, then drop what the client still sends for a moment, so that unread bytes
        // (the rest of a refused frame) do not turn the close into a reset that could destroy the close frame.
        try
        {
            socket.Shutdown(SocketShutdown.Send);
            using var linger = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var drain = new byte[4096];
            while (await socket.ReceiveAsync(drain, SocketFlags.None, linger.Token) > 0) { }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException) { }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        Task[] all;
        lock (_connections) all = [.. _connections, _accepting];
        await Task.WhenAny(Task.WhenAll(all), Task.Delay(2000));
        lock (_heldOpen) foreach (var socket in _heldOpen) socket.Dispose();
    }
}

/// <summary>Raw frames from the grader's side, and reading the server's frames byte by byte.</summary>
internal static class RawFrames
{
    public static string UpgradeRequest(string key = "dGhlIHNhbXBsZSBub25jZQ==", string version = "13", string extra = "") =>
        "GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        (key.Length > 0 ? $"Sec-WebSocket-Key: {key}\r\n" : "") + $"Sec-WebSocket-Version: {version}\r\n{extra}\r\n";

    /// <summary>Connects, sends the handshake and reads the 101 answer.</summary>
    public static async Task<LoopbackPeer> OpenAsync(EndPoint server)
    {
        var peer = await LoopbackPeer.ConnectAsync(server, "the grader's raw WebSocket client");
        await peer.SendAsync(HttpWire.Ascii(UpgradeRequest()));
        var answer = await HttpWire.ReadResponseAsync(peer, "the answer to a correct WebSocket handshake");
        if (answer.Status != 101) throw new GradingException($"A correct upgrade request got {answer}; expected 101 Switching Protocols.");
        return peer;
    }

    /// <summary>A frame as a client sends it (masked unless told not to).</summary>
    public static byte[] Client(int opcode, byte[] payload, bool fin = true, bool masked = true)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length < 126) header.Add((byte)(maskBit | payload.Length));
        else if (payload.Length <= ushort.MaxValue) { header.Add((byte)(maskBit | 126)); header.Add((byte)(payload.Length >> 8)); header.Add((byte)payload.Length); }
        else { header.Add((byte)(maskBit | 127)); var l = new byte[8]; BinaryPrimitives.WriteUInt64BigEndian(l, (ulong)payload.Length); header.AddRange(l); }
        var body = (byte[])payload.Clone();
        if (masked)
        {
            var key = RandomNumberGenerator.GetBytes(4);
            header.AddRange(key);
            for (var i = 0; i < body.Length; i++) body[i] ^= key[i & 3];
        }
        return [.. header, .. body];
    }

    public static byte[] Text(string text, bool fin = true, bool masked = true) => Client(1, Encoding.UTF8.GetBytes(text), fin, masked);

    /// <summary>Reads one server frame (unmasked), for the grader to judge.</summary>
    public static async Task<(bool Fin, int Opcode, byte[] Payload)> ReadAsync(LoopbackPeer peer, string awaited)
    {
        var head = await peer.ReadExactlyAsync(2, $"the first two bytes of {awaited}");
        if ((head[1] & 0x80) != 0) throw new GradingException($"The server sent a MASKED frame ({Show.Bytes(head)}) while {awaited} was awaited: servers never mask (RFC 6455, 5.1).");
        long length = head[1] & 0x7F;
        if (length == 126) length = BinaryPrimitives.ReadUInt16BigEndian(await peer.ReadExactlyAsync(2, $"the 16-bit length of {awaited}"));
        else if (length == 127) length = (long)BinaryPrimitives.ReadUInt64BigEndian(await peer.ReadExactlyAsync(8, $"the 64-bit length of {awaited}"));
        var payload = length == 0 ? [] : await peer.ReadExactlyAsync((int)length, $"the {length}-byte payload of {awaited}");
        return ((head[0] & 0x80) != 0, head[0] & 0x0F, payload);
    }

    /// <summary>Reads frames until a close frame and returns its status code (pongs and data before it are skipped).</summary>
    public static async Task<int?> ExpectCloseAsync(LoopbackPeer peer, string awaited)
    {
        for (var i = 0; i < 10; i++)
        {
            var (_, opcode, payload) = await ReadAsync(peer, awaited);
            if (opcode == 8) return payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : null;
        }
        throw new GradingException($"Ten frames came and none was a close frame while waiting for {awaited}.");
    }

    public static string CloseName(int? code) => code is null ? "a close frame without a status" : $"close {code} ({(WebSocketCloseStatus)code})";
}
