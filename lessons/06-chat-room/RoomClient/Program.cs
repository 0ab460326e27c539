// Lesson 06 demo: a terminal client for the chat room on 127.0.0.1:9996. One thread shows what the server sends the
// moment it arrives, another sends each line you type: other people's lines appear while you are typing (the seed's
// client, waiting at input(), could not do that). Type your nickname first; /who, /nick NEW, /msg NAME text; /quit,
// Ctrl+C or the end of the input (Ctrl+D, Ctrl+Z, or piped input running out) leaves cleanly.
//
//   dotnet run --project lessons/06-chat-room/RoomClient [-- 9996]
//   printf 'carol\nhello from a pipe\n' | dotnet run --project lessons/06-chat-room/RoomClient
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketCourse.ChatRoom;
using SocketCourse.Lessons;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
var server = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args, defaultPort: ChatLimits.DemoPort));
using var leave = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; leave.Cancel(); }; // Ctrl+C: say /quit instead of vanishing

try
{
    ChatClient.Run(server, Console.In, Console.Out, leave.Token);
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
{
    Console.Error.WriteLine($"Nothing listens on {server}: start the room first (dotnet run --project lessons/06-chat-room/RoomServer).");
    return 1;
}
Console.WriteLine("(disconnected)");
return 0;
