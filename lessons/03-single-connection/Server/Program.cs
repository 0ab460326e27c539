// Lesson 03 demo: the seed's case one server (案例一, 服务端), step by step.
// It speaks the seed's wire protocol exactly: the client sends one UTF-8 message with no terminator,
// the server reads it with a single Receive of up to 1024 bytes, sends one reply, and closes.
// That single Receive is the fragile part the exercise fixes; see the lesson's README.
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketCourse.Lessons;

var endpoint = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args, defaultPort: 9999));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

// 1. Create the socket: IPv4, stream (TCP).
using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
try
{
    // 2. Bind the address and port.  3. Listen.
    listener.Bind(endpoint);
    listener.Listen();
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"Port {endpoint.Port} is already in use (地址已被占用): is another server (perhaps the Python one) still " +
                            "running? Or did one close a connection here a moment ago: it waits in TIME_WAIT for up to a minute " +
                            "or two, and the seed's Python server does not set SO_REUSEADDR. Wait, or pass another port: " +
                            $"dotnet run --project lessons/03-single-connection/Server -- {endpoint.Port + 1}");
    return 1;
}
Console.WriteLine($"--- server started on {endpoint} (服务已经启动) --- Ctrl+C stops it.");

try
{
    // 4. Block (阻塞) until a client connects; Accept returns a socket for that client and its address.
    using var connection = await listener.AcceptAsync(stop.Token);
    Console.WriteLine($"客户端的地址 (client address) >>> : {connection.RemoteEndPoint}");

    // 5. Receive the client's message: one Receive, up to 1024 bytes, as the seed does.
    var buffer = new byte[1024];
    var count = await connection.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
    Console.WriteLine($"接收客户端的数据 (the client says) >>> : {Encoding.UTF8.GetString(buffer, 0, count)}");

    // 6. Ask the operator for a reply and send all of it. End of input (piped stdin) sends an empty reply.
    Console.Write("请输入 (your reply) >>> : ");
    var reply = Console.ReadLine() ?? "";
    await connection.SendAsync(Encoding.UTF8.GetBytes(reply), SocketFlags.None, stop.Token);

    // 7. Close: leaving the using blocks closes the connection, then the listener.
    Console.WriteLine("Reply sent; closing.");
    return 0;
}
catch (OperationCanceledException)
{
    Console.WriteLine("\nStopped.");
    return 0;
}
catch (SocketException e)
{
    Console.Error.WriteLine($"The connection failed: {e.SocketErrorCode} ({e.Message}).");
    return 1;
}
