// Lesson 05 demo: the seed's protocol breaking. The seed's server takes whatever ONE recv(1024) returns as
// the client's message. Here a client sends two messages back to back, "hello" and "world", and the server
// prints them as one: TCP is a byte stream (面向字节流), and nothing in the bytes says where "hello" ended.
//
//   dotnet run --project lessons/05-framing/Merge
//
// Part 1 uses the C# port of the seed's server; part 2 runs the same server in Python if python3 is on the
// PATH (optional: skipped, and said so, when it is not); part 3 shows the fix, a '\n' after each message.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

Console.OutputEncoding = Encoding.UTF8;

Console.WriteLine("== 1. The seed's one-recv server, ported to C#");
Console.WriteLine("(it is busy for 100 ms after accepting, as a real server sometimes is)");
using (var listener = Listen())
{
    var serving = Task.Run(() =>
    {
        using var connection = listener.Accept();
        Console.WriteLine($"  server: 客户端的地址 >>> : {connection.RemoteEndPoint}");
        Thread.Sleep(100);
        var buffer = new byte[1024];
        var count = connection.Receive(buffer);              // recv(1024): one read taken as one message
        Console.WriteLine($"  server: 接收客户端的数据 >>> : {Encoding.UTF8.GetString(buffer, 0, count)}");
        connection.Send(Encoding.UTF8.GetBytes("ok"));
        return count;
    });
    SendTwoMessages((IPEndPoint)listener.LocalEndPoint!, "hello", "world");
    if (!serving.Wait(TimeSpan.FromSeconds(5))) Console.WriteLine("  (the server did not finish within 5 s)");
    else if (serving.Result == 10) Console.WriteLine("  -> two messages were sent; one read returned both, and the server printed them as one.");
    else Console.WriteLine($"  -> this time the first read held only {serving.Result} bytes: timing decides, the protocol does not.");
}

Console.WriteLine();
Console.WriteLine("== 2. The same server in Python (the seed's language)");
RunPythonServer();

Console.WriteLine();
Console.WriteLine("== 3. The fix: frame the messages. A '\\n' ends each one, and the server reads lines, not reads");
using (var listener = Listen())
{
    var serving = Task.Run(() =>
    {
        using var connection = listener.Accept();
        Thread.Sleep(100);                                    // just as busy as before
        using var reader = new StreamReader(new NetworkStream(connection), new UTF8Encoding(false));
        while (reader.ReadLine() is { } line)
            Console.WriteLine($"  server: message: {line}");
    });
    SendTwoMessages((IPEndPoint)listener.LocalEndPoint!, "hello\n", "world\n");
    if (!serving.Wait(TimeSpan.FromSeconds(5))) Console.WriteLine("  (the server did not finish within 5 s)");
}
Console.WriteLine("  -> the bytes arrived the same way; the '\\n' told the server where each message ended.");
return 0;

// A listener on 127.0.0.1 with a free port (nothing outside this demo connects to it).
static Socket Listen()
{
    var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    listener.Listen();
    return listener;
}

// The client: connect, then two Sends back to back, then wait for whatever the server answers.
static void SendTwoMessages(IPEndPoint server, string first, string second)
{
    using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    client.Connect(server);
    client.Send(Encoding.UTF8.GetBytes(first));
    client.Send(Encoding.UTF8.GetBytes(second));
    Console.WriteLine($"  client: sent {Quote(first)} and then {Quote(second)}: two Send calls");
    client.Shutdown(SocketShutdown.Send);
    client.ReceiveTimeout = 5000;
    var buffer = new byte[1024];
    try
    {
        var count = client.Receive(buffer);
        if (count > 0) Console.WriteLine($"  client: 接收服务端的数据 >>> : {Encoding.UTF8.GetString(buffer, 0, count)}");
    }
    catch (SocketException e)
    {
        Console.WriteLine($"  client: no reply ({e.SocketErrorCode})");
    }
}

static string Quote(string text) => "\"" + text.Replace("\n", "\\n") + "\"";

static void RunPythonServer()
{
    var script = Path.Combine(AppContext.BaseDirectory, "one_recv_server.py");
    int port;
    using (var probe = Listen()) port = ((IPEndPoint)probe.LocalEndPoint!).Port; // a free port for Python to bind
    Process python;
    try
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(port.ToString());
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        python = Process.Start(start)!;
    }
    catch (Exception e) when (e is System.ComponentModel.Win32Exception or FileNotFoundException)
    {
        Console.WriteLine("  python3 is not installed here: skipped. (It is optional; part 1 is the same server in C#.)");
        return;
    }
    using (python)
    {
        var started = python.StandardOutput.ReadLine();             // "---服务已经启动---": it is listening
        if (started is null)
        {
            Console.WriteLine("  the Python server did not start: skipped.");
            return;
        }
        Console.WriteLine($"  python: {started}");
        var printed = Task.Run(() =>
        {
            while (python.StandardOutput.ReadLine() is { } line) Console.WriteLine($"  python: {line}");
        });
        SendTwoMessages(new IPEndPoint(IPAddress.Loopback, port), "hello", "world");
        if (!python.WaitForExit(5000))
        {
            python.Kill();
            Console.WriteLine("  (the Python server did not finish within 5 s and was stopped)");
        }
        printed.Wait(2000);
    }
    Console.WriteLine("  -> Python's recv(1024) merges them too, unless it happened to read before \"world\" arrived:");
    Console.WriteLine("     whether it does depends on timing, which is exactly why a protocol cannot rely on it.");
}
