// Lesson 02 demo: a UDP echo server. Every datagram is sent back to the address it came from.
// Run: dotnet run --project lessons/02-socket-basics/UdpServer [port]   (Ctrl+C stops it)
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketCourse.Lessons;

var port = DemoArgs.Port(args, defaultPort: 9997);
var endpoint = new IPEndPoint(IPAddress.Loopback, port);

// 1. Create a datagram socket: socket.socket(AF_INET, SOCK_DGRAM) in Python.
using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
try
{
    // 2. Bind the address and port. No Listen, no Accept: UDP has no connections.
    socket.Bind(endpoint);
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"Port {port} on 127.0.0.1 is already in use. Is another server running? Stop it, or pass another port.");
    return 1;
}

using var stop = new CancellationTokenSource();
// Ctrl+C (SIGINT) or a polite kill (SIGTERM): stop the loop and close the socket instead of dying mid-call.
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
Console.WriteLine($"---服务已经启动--- (server started) UDP echo on {endpoint}, Ctrl+C to stop");

// 3. Receive a datagram and its sender, send it back, repeat.
var buffer = new byte[65_507 + 1]; // the largest UDP payload, plus one byte to notice anything bigger
EndPoint anySender = new IPEndPoint(IPAddress.Any, 0);
while (!stop.IsCancellationRequested)
{
    SocketReceiveFromResult datagram;
    try
    {
        datagram = await socket.ReceiveFromAsync(buffer, SocketFlags.None, anySender, stop.Token);
    }
    catch (OperationCanceledException)
    {
        break;
    }
    catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
    {
        continue; // Windows: an earlier reply was unreachable, or a datagram was too big. Serve the next one.
    }
    var text = Encoding.UTF8.GetString(buffer, 0, datagram.ReceivedBytes);
    Console.WriteLine($"接收客户端的数据 (data from client {datagram.RemoteEndPoint}, {datagram.ReceivedBytes} bytes) >>> : {text}");
    try
    {
        await socket.SendToAsync(buffer.AsMemory(0, datagram.ReceivedBytes), SocketFlags.None, datagram.RemoteEndPoint);
    }
    catch (SocketException e)
    {
        Console.WriteLine($"Could not echo to {datagram.RemoteEndPoint} ({e.SocketErrorCode}); serving the next datagram.");
    }
}
Console.WriteLine("---服务已经停止--- (server stopped)");
return 0;
