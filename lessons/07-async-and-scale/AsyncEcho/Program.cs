// Lesson 07 demo: an async line echo server on 127.0.0.1:9996. One accept loop, one task per client, and no thread
// waits for a silent client. Every two seconds it prints how many clients it holds and how many threads the process
// has: start the load tool against it (see the lesson's README) and watch the first number climb while the second
// stays where it was. Ctrl+C (or SIGTERM) closes every connection and waits for every task.
//
//   dotnet run --project lessons/07-async-and-scale/AsyncEcho [-- 9996]
//   printf 'one\ntwo\n' | nc 127.0.0.1 9996
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketCourse.Lessons;

Console.OutputEncoding = Encoding.UTF8;
var endpoint = new IPEndPoint(IPAddress.Loopback, DemoArgs.Port(args, defaultPort: 9996));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });

using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
try
{
    listener.Bind(endpoint);
    listener.Listen(); // the system's largest backlog, not listen(5): a burst of connects waits in the queue
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"Port {endpoint.Port} is already in use: is another lesson 06 or 07 server running? Pass another port as the first argument.");
    return 1;
}
Console.WriteLine($"--- async echo server on {endpoint} --- try: printf 'one\\ntwo\\n' | nc 127.0.0.1 {endpoint.Port}   (Ctrl+C stops it)");

var open = 0;
var clients = new List<Task>();
var report = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
    try
    {
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"clients: {Volatile.Read(ref open),6}   threads: {self.Threads.Count,3}   memory: {self.WorkingSet64 / (1024 * 1024),4} MB");
        }
    }
    catch (OperationCanceledException)
    {
    }
});

try
{
    while (true)
    {
        var client = await listener.AcceptAsync(stop.Token);
        clients.Add(ServeAsync(client));
        clients.RemoveAll(t => t.IsCompleted);
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine("\nStopping: closing every connection...");
}
await Task.WhenAll(clients);
await report;
Console.WriteLine("Stopped.");
return 0;

async Task ServeAsync(Socket client)
{
    Interlocked.Increment(ref open);
    try
    {
        await Task.Yield(); // back to accepting at once; this client continues on the thread pool
        await using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        // While this await waits, no thread waits: the socket is registered with epoll (Linux), kqueue (macOS) or an
        // I/O completion port (Windows), and a pool thread picks the rest up when bytes arrive.
        while (await reader.ReadLineAsync(stop.Token) is { } line)
            await writer.WriteLineAsync(line.AsMemory(), stop.Token);
        client.Shutdown(SocketShutdown.Send);
    }
    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
    {
        // This client reset, or the server is stopping: it alone is closed.
    }
    finally
    {
        client.Dispose();
        Interlocked.Decrement(ref open);
    }
}
