// Lesson 04 demo client: the seed's case-two client. One connection, many messages: each line you type is
// sent as "老王:" + line; the server's reply is printed; `exit` (not sent) or end of input ends it.
//
//   dotnet run --project lessons/04-threaded-server/Client [-- --name 小李] [--port 9998] [--timeout 300]
using System.Net;
using System.Net.Sockets;
using System.Text;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;

var nickname = "老王";
var port = 9998;
var replyTimeout = TimeSpan.FromSeconds(300); // a person types each reply: generous, but never endless
for (var i = 0; i < args.Length; i += 2) // options come in pairs: --name value
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--name" when !string.IsNullOrWhiteSpace(value):
            nickname = value;
            break;
        case "--port" when int.TryParse(value, out var p) && p is > 0 and < 65536:
            port = p;
            break;
        case "--timeout" when int.TryParse(value, out var s) && s > 0:
            replyTimeout = TimeSpan.FromSeconds(s);
            break;
        default:
            Console.Error.WriteLine("usage: Client [--name 老王] [--port 9998] [--timeout seconds]");
            return 2;
    }
}

var server = new IPEndPoint(IPAddress.Loopback, port);
using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
try
{
    socket.Connect(server);
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
{
    Console.Error.WriteLine($"error: nothing is listening on {server} (connection refused). Start the server first: " +
                            "dotnet run --project lessons/04-threaded-server/Server");
    return 1;
}
catch (SocketException e)
{
    Console.Error.WriteLine($"error: cannot connect to {server}: {e.SocketErrorCode} ({e.Message})");
    return 1;
}
socket.ReceiveTimeout = (int)replyTimeout.TotalMilliseconds;
Console.WriteLine($"服务端连接成功 — connected to {server} as {nickname}. Type a message, or exit to leave.");

var buffer = new byte[1024]; // the seed's recv(1024): the reply is whatever one Receive returns
try
{
    while (true)
    {
        Console.Write("请输入 (your message) >>> :");
        var line = Console.ReadLine();
        if (line is null)
        {
            Console.WriteLine();
            Console.WriteLine("(end of input: leaving as if you typed exit)");
            break;
        }
        if (Console.IsInputRedirected)
            Console.WriteLine(line); // echo piped input, so the transcript reads like a typed session
        if (line.Trim() == "exit")
            break; // the seed checks before sending: "老王:exit" never goes out

        socket.Send(Encoding.UTF8.GetBytes(nickname + ":" + line));

        var received = socket.Receive(buffer);
        if (received == 0)
        {
            Console.WriteLine("the server closed the connection (Receive returned 0 bytes)");
            return 1;
        }
        Console.WriteLine($"接收服务端的数据 (the server replied) >>> : {Encoding.UTF8.GetString(buffer, 0, received)}");
    }
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
{
    Console.Error.WriteLine($"error: no reply within {replyTimeout.TotalSeconds:0} s; giving up.");
    return 1;
}
catch (SocketException e)
{
    // A killed or crashed server usually does NOT land here: on Linux and macOS its kernel closes the socket with
    // a normal FIN, so Receive returns 0 (handled above). A reset comes from an aborting close, from data sent
    // to a socket that was already closed, and from Windows, which often resets the sockets of a killed process.
    Console.Error.WriteLine($"error: the connection broke ({e.SocketErrorCode}): the server aborted it, or went away mid-message.");
    return 1;
}

// Closing the socket (the `using` above) sends FIN: the server's Receive returns 0 — a clean goodbye.
Console.WriteLine("bye — closing the connection");
return 0;
