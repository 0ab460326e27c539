using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Overview.Tests;

/// <summary>
/// Real first bytes, captured on loopback from .NET's own clients: what a server's socket hands its program before the
/// program has said a word. Every wait has a deadline; the clients are cut off once their first bytes are in.
/// </summary>
internal static class Captured
{
    /// <summary>The head of an HTTP request sent by HttpClient (up to the blank line, at most 4 KiB).</summary>
    public static async Task<byte[]> HttpRequestAsync(HttpMethod method)
    {
        using var listener = LoopbackListener.Start();
        using var handler = new SocketsHttpHandler { UseProxy = false };
        using var client = new HttpClient(handler) { Timeout = Deadlines.Default };
        using var stop = new CancellationTokenSource();
        var request = new HttpRequestMessage(method, $"http://{listener.EndPoint}/first-bytes");
        if (method == HttpMethod.Post)
            request.Content = new StringContent("hello");
        var sending = client.SendAsync(request, stop.Token);
        try
        {
            await using var server = await listener.AcceptAsync("HttpClient to connect");
            return await ReadUntilAsync(server.Socket, bytes => bytes.AsSpan().IndexOf("\r\n\r\n"u8) >= 0 || bytes.Length >= 4096,
                "the head of HttpClient's request");
        }
        finally
        {
            stop.Cancel();
            await Quietly(sending);
        }
    }

    /// <summary>The first record a TLS client (SslStream) sends: its ClientHello, at least the 6 bytes that identify it.</summary>
    public static async Task<byte[]> TlsClientHelloAsync()
    {
        using var listener = LoopbackListener.Start();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.EndPoint).Within(Deadlines.Default, "the TLS client to connect");
        using var stop = new CancellationTokenSource();
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        var handshake = tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, _, _, _) => false, // never gets that far: the grader hangs up
        }, stop.Token);
        try
        {
            await using var server = await listener.AcceptAsync("the TLS client's connection");
            return await ReadUntilAsync(server.Socket, bytes => bytes.Length >= 6, "the TLS client's first record");
        }
        finally
        {
            stop.Cancel();
            socket.Dispose();
            await Quietly(handshake);
            await tls.DisposeAsync();
        }
    }

    /// <summary>A DNS query for example.com (type A), sent as one UDP datagram and received as one.</summary>
    public static async Task<byte[]> DnsQueryAsync(bool withEdns, ushort id = 0x2b7e)
    {
        var query = DnsMessage(id, flags: 0x0100, answers: 0, withEdns);
        return await OverUdpAsync(query);
    }

    /// <summary>A DNS message as built by a client (flags 0x0100: a standard query asking for recursion) or a server.</summary>
    public static byte[] DnsMessage(ushort id, ushort flags, ushort answers, bool withEdns)
    {
        var message = new List<byte>();
        void U16(int value) { message.Add((byte)(value >> 8)); message.Add((byte)value); }
        U16(id);
        U16(flags);
        U16(1);                 // one question
        U16(answers);
        U16(0);                 // no authority records
        U16(withEdns ? 1 : 0);  // an OPT record announces EDNS
        foreach (var label in new[] { "example", "com" })
        {
            message.Add((byte)label.Length);
            message.AddRange(Encoding.ASCII.GetBytes(label));
        }
        message.Add(0);         // the root: end of the name
        U16(1);                 // type A
        U16(1);                 // class IN
        for (var i = 0; i < answers; i++)
        {
            U16(0xC00C);        // the name again, as a pointer to the question's
            U16(1); U16(1);
            U16(0); U16(300);   // TTL
            U16(4); message.AddRange([93, 184, 215, 14]);
        }
        if (withEdns)
        {
            message.Add(0);     // root name
            U16(41);            // type OPT
            U16(1232);          // the UDP payload size the client accepts
            U16(0); U16(0);     // extended flags
            U16(0);             // no options
        }
        return [.. message];
    }

    /// <summary>Sends <paramref name="datagram"/> from one loopback UDP socket to another and returns what arrived.</summary>
    public static async Task<byte[]> OverUdpAsync(byte[] datagram)
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(Loopback.AnyPort);
        await sender.SendToAsync(datagram, SocketFlags.None, receiver.LocalEndPoint!);
        var buffer = new byte[2048];
        var result = await receiver.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0))
            .Within(Deadlines.Default, "the DNS query datagram on loopback");
        return buffer[..result.ReceivedBytes];
    }

    private static async Task<byte[]> ReadUntilAsync(Socket socket, Func<byte[], bool> enough, string awaited)
    {
        using var deadline = new CancellationTokenSource(Deadlines.Default);
        var received = new List<byte>();
        var buffer = new byte[4096];
        try
        {
            while (!enough([.. received]))
            {
                var count = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                if (count == 0)
                    break;
                received.AddRange(buffer[..count]);
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(Deadlines.Default, awaited, "The grader's own capture stalled; this is not about your code.");
        }
        return [.. received];
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.WaitAsync(Deadlines.Default);
        }
        catch (Exception)
        {
            // The client was cut off on purpose once its first bytes were captured.
        }
    }
}
