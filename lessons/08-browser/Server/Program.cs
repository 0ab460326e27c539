// Lesson 08 demo: the chat room in a browser. One process serves
//   - the chat page and its WebSocket on http://127.0.0.1:8080 (open it in two tabs), and
//   - the very same room over plain TCP on port 9996 (lesson 06's protocol: nc 127.0.0.1 9996),
// so browser members and nc members talk to each other. Ctrl+C (or kill) stops it: every member is told.
//
//   dotnet run --project lessons/08-browser/Server [-- HTTP-PORT [TCP-PORT]]
//   curl -v http://127.0.0.1:8080/
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketCourse.Browser;
using SocketCourse.ChatRoom;
using SocketCourse.Lessons;

Console.OutputEncoding = Encoding.UTF8;
var httpEndPoint = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args, defaultPort: 8080));
var tcpEndPoint = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args.Skip(1).ToArray(), ChatLimits.DemoPort));

var server = new ChatWebServer(ChatWebServer.DefaultWebRoot, httpEndPoint, tcpEndPoint);
try
{
    server.Start();
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"Port {httpEndPoint.Port} (HTTP) or {tcpEndPoint.Port} (TCP chat) is already in use: is another chat server " +
                            "(this one, or lesson 06's) running? Pass other ports: dotnet run --project lessons/08-browser/Server -- 8081 9994");
    return 1;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });

Console.WriteLine($"--- chat room in a browser: open http://{server.HttpEndPoint}/ in two tabs ---");
Console.WriteLine($"--- the same room over TCP:   nc {server.TcpEndPoint.Address} {server.TcpEndPoint.Port}   (Ctrl+C stops the server) ---");
var shown = "";
try
{
    // Show who is in the room whenever that changes: the server itself writes nothing else here.
    while (true)
    {
        var members = string.Join(", ", server.Room.Nicknames);
        if (members != shown)
        {
            Console.WriteLine(members.Length == 0 ? "(the room is empty)" : $"in the room: {members}");
            shown = members;
        }
        await Task.Delay(500, stop.Token);
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine("\nStopping: telling every member, then closing every connection...");
}
server.Stop(TimeSpan.FromSeconds(4));
Console.WriteLine("Stopped.");
return 0;
