// Lesson 06 demo: the chat room server on 127.0.0.1:9996. Every client that connects is greeted, gives a nickname
// and then sees what the others say; /who, /nick, /msg and /quit work as the lesson describes. It prints who comes
// and goes, and how many connections and members there are. Ctrl+C (or kill) tells everyone the server is shutting
// down, closes every connection and frees the port.
//
//   dotnet run --project lessons/06-chat-room/RoomServer [-- 9996]
//   dotnet run --project lessons/06-chat-room/RoomClient      (in two more terminals)
//   nc 127.0.0.1 9996                                          (or telnet 127.0.0.1 9996)
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketCourse.ChatRoom;
using SocketCourse.Lessons;

Console.OutputEncoding = Encoding.UTF8;
var endpoint = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args, defaultPort: ChatLimits.DemoPort));
using var stop = new ManualResetEventSlim();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
// `kill` (SIGTERM) stops it the same way.
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Set(); });

using var server = new ChatServer(endpoint); // it makes its own room, and closes it on Stop
var room = server.Room;
try
{
    server.Start();
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"Port {endpoint.Port} is already in use: is another chat server running? Pass another port as the first argument.");
    return 1;
}
Console.WriteLine($"--- chat room on {server.EndPoint} --- join with: dotnet run --project lessons/06-chat-room/RoomClient, " +
                  $"or nc 127.0.0.1 {server.EndPoint.Port}   (Ctrl+C stops it)");

// The server has no events to subscribe to, so the demo looks at the room twice a second and reports what changed.
var known = new List<string>();
var sessions = 0;
while (!stop.Wait(TimeSpan.FromMilliseconds(500)))
{
    var now = room.Nicknames.ToList();
    foreach (var joined in now.Except(known)) Console.WriteLine($"+ {joined}");
    foreach (var left in known.Except(now)) Console.WriteLine($"- {left}");
    if (server.Sessions != sessions || !now.SequenceEqual(known))
        Console.WriteLine($"  {server.Sessions} connection(s), {now.Count} member(s): {string.Join(", ", now)}");
    known = now;
    sessions = server.Sessions;
}
Console.WriteLine("\nStopping: telling everyone, closing every connection...");
var ended = server.Stop(TimeSpan.FromSeconds(5));
Console.WriteLine(ended ? "Stopped; the port is free." : "Stopped, but some session did not end in time.");
return 0;
