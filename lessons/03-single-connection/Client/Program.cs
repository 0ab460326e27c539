// Lesson 03 demo: the seed's case one client (案例一, 客户端), step by step.
// It speaks the seed's wire protocol exactly: one UTF-8 message with no terminator, then one Receive of up
// to 1024 bytes for the reply, then close. It talks to the C# server or to the seed's Python server.
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketCourse.Lessons;

var server = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args, defaultPort: 9999));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

// 1. Create the socket.
using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
try
{
    // 2. Connect to the server.
    await socket.ConnectAsync(server, stop.Token);
    Console.WriteLine($"Connected to the server at {server} (服务端连接成功)");

    // 3. Ask for a message and send all of it, encoded as UTF-8.
    Console.Write("请输入 (your message) >>> : ");
    var message = Console.ReadLine() ?? "";
    await socket.SendAsync(Encoding.UTF8.GetBytes(message), SocketFlags.None, stop.Token);

    // 4. Receive the reply: one Receive of up to 1024 bytes, as the seed does.
    var buffer = new byte[1024];
    var count = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
    Console.WriteLine($"接收服务端的数据 (the server replied) >>> : {Encoding.UTF8.GetString(buffer, 0, count)}");
    // 5. Close: leaving the using block closes the socket.
    return 0;
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
{
    Console.Error.WriteLine($"Connection refused: nothing is listening on {server}. Start the server first:");
    Console.Error.WriteLine("  dotnet run --project lessons/03-single-connection/Server");
    return 1;
}
catch (SocketException e)
{
    Console.Error.WriteLine($"The connection failed: {e.SocketErrorCode} ({e.Message}).");
    return 1;
}
catch (OperationCanceledException)
{
    Console.WriteLine("\nStopped.");
    return 0;
}
