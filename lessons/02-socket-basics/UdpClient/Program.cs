// Lesson 02 demo: a UDP client. Each line you type goes out as one datagram; the reply is awaited for 2 s.
// Run: dotnet run --project lessons/02-socket-basics/UdpClient [port]   (type exit, or end the input, to quit)
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketCourse.Lessons;

var port = DemoArgs.Port(args, defaultPort: 9997);
var server = new IPEndPoint(IPAddress.Loopback, port);
var patience = TimeSpan.FromSeconds(2);

// socket.socket(AF_INET, SOCK_DGRAM): no Connect needed, every datagram carries its address.
using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
var buffer = new byte[65_507];
EndPoint anySender = new IPEndPoint(IPAddress.Any, 0);
Console.WriteLine($"UDP client for {server}. Type a message, or exit to quit.");

while (true)
{
    Console.Write("请输入 (your message) >>> :");
    var line = Console.ReadLine();
    if (line is null)
    {
        Console.WriteLine(); // end of input: piped stdin ran out, or Ctrl+D / Ctrl+Z
        break;
    }
    if (Console.IsInputRedirected) Console.WriteLine(line); // echo piped input so the transcript reads naturally
    if (line == "exit") break;

    await socket.SendToAsync(Encoding.UTF8.GetBytes(line), SocketFlags.None, server);
    using var deadline = new CancellationTokenSource(patience);
    try
    {
        while (true)
        {
            var reply = await socket.ReceiveFromAsync(buffer, SocketFlags.None, anySender, deadline.Token);
            if (!reply.RemoteEndPoint.Equals(server)) continue; // not from our server: ignore it
            Console.WriteLine($"接收服务端的数据 (reply from the server) >>> : {Encoding.UTF8.GetString(buffer, 0, reply.ReceivedBytes)}");
            break;
        }
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"No reply within {patience.TotalSeconds:0} s. Is the server running on {server}? (UDP cannot tell: a lost datagram and a missing server look the same.)");
    }
    catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
    {
        Console.WriteLine($"Nothing is listening on {server}: start the server first (dotnet run --project lessons/02-socket-basics/UdpServer).");
    }
}
return 0;
