// Lesson 05 demo: a line-framed echo server on 127.0.0.1:9995. Every line a client sends (ending in \n or \r\n)
// comes back as "echo: <line>", one reply per line, however the lines arrive: typed one by one in telnet,
// or pasted a hundred at once into nc. Ctrl+C stops it cleanly.
//
//   dotnet run --project lessons/05-framing/EchoServer [-- 9995]
//   printf 'one\ntwo\r\nthree\n' | nc 127.0.0.1 9995
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketCourse.Lessons;
using SocketCourse.Lessons.Framing;

Console.OutputEncoding = Encoding.UTF8;
var endpoint = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args, defaultPort: 9995));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
// `kill` (SIGTERM) stops it the same way.
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });

using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
try
{
    listener.Bind(endpoint);
    listener.Listen();
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"Port {endpoint.Port} is already in use: is another echo server running? Pass another port as the first argument.");
    return 1;
}
Console.WriteLine($"--- line echo server on {endpoint} --- try: printf 'one\\ntwo\\nthree\\n' | nc 127.0.0.1 {endpoint.Port}   (Ctrl+C stops it)");

var clients = new List<Task>();
try
{
    while (true)
    {
        var client = await listener.AcceptAsync(stop.Token);
        clients.Add(LineEcho.ServeAsync(client, stop.Token));
        clients.RemoveAll(t => t.IsCompleted);
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine("\nStopping: closing every connection...");
}
await Task.WhenAll(clients);
Console.WriteLine("Stopped.");
return 0;
