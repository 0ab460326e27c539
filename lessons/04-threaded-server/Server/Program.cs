// Lesson 04 demo server: the seed's case two (socketserver.ThreadingTCPServer on 127.0.0.1:9998).
// Each client gets a thread; each message is printed with the client's address and port, and the
// operator types the reply. Ctrl+C stops the server cleanly.
//
//   dotnet run --project lessons/04-threaded-server/Server [-- --port 9998]
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketCourse.Lessons.ThreadedServer.Server;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;

var port = 9998;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p is > 0 and < 65536)
    {
        port = p;
        i++;
    }
    else
    {
        Console.Error.WriteLine("usage: Server [--port N]   (default 9998)");
        return 2;
    }
}

var keyboard = new Operator(Console.In);
ThreadPerClientServer server;
try
{
    server = ThreadPerClientServer.Start(new IPEndPoint(IPAddress.Loopback, port),
        (client, who, stopping) => ChatHandler.Serve(client, who, keyboard, stopping));
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"error: 127.0.0.1:{port} is already in use (地址已被占用). Is another server (the seed's Python one?) " +
                            "still running? Or did one close connections here a moment ago: they wait in TIME_WAIT for up to " +
                            "a minute or two, and the Python server does not set SO_REUSEADDR. Stop it and wait, or pick " +
                            "another port with --port.");
    return 1;
}
catch (SocketException e)
{
    Console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{port}: {e.SocketErrorCode} ({e.Message})");
    return 1;
}

Console.WriteLine($"---服务已经启动--- the server is listening on {server.EndPoint}; a thread per client. Ctrl+C stops it.");

var stopRequested = new ManualResetEventSlim();
Console.CancelKeyPress += (_, e) =>
{
    if (stopRequested.IsSet) return; // a second Ctrl+C ends the process at once
    e.Cancel = true;                 // the first one: let Main stop the server cleanly
    Console.WriteLine();
    Console.WriteLine("Ctrl+C: stopping...");
    stopRequested.Set();
};
// `kill` (SIGTERM) stops it the same way.
using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    Console.WriteLine("SIGTERM: stopping...");
    stopRequested.Set();
});
keyboard.OutOfReplies.Register(() =>
{
    Console.WriteLine("(standard input has ended: no one is left to type replies; stopping)");
    stopRequested.Set();
});

stopRequested.Wait();
var clients = server.ConnectedClients;
var clean = server.Stop(TimeSpan.FromSeconds(3));
Console.WriteLine(clean
    ? $"Stopped: the listener is closed (port {port} is free), {clients} open client connection(s) closed, every thread joined."
    : "Stopped, but a handler thread did not end in time; exiting anyway.");
return 0;
