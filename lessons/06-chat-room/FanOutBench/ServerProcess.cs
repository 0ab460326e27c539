using System.Diagnostics;
using System.Net;
using SocketCourse.ChatRoom;

namespace SocketCourse.Lessons.ChatRoom.Bench;

/// <summary>
/// The chat server under measurement, in a child process: the parent starts this program again with <c>--serve</c>.
/// The child prints its port, then answers each "stats" line on its stdin with its thread count and memory, and
/// stops on "quit" (or when its stdin ends).
/// </summary>
static class ServerProcess
{
    public const string Flag = "--serve";

    /// <summary>The child's side.</summary>
    public static int Serve()
    {
        using var server = new ChatServer(new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        Console.WriteLine($"port {server.EndPoint.Port}");
        while (Console.ReadLine() is { } command && command != "quit")
        {
            using var me = Process.GetCurrentProcess();
            Console.WriteLine($"{me.Threads.Count} {me.WorkingSet64} {GC.GetTotalMemory(forceFullCollection: true)} {server.Room.Count} {server.Sessions}");
        }
        server.Stop(TimeSpan.FromSeconds(10));
        return 0;
    }

    /// <summary>The parent's side: starts the child and reads its port.</summary>
    public static (Process Child, int Port) Start()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run through `dotnet chat-fanout-bench.dll` the path is dotnet's own, so name the assembly too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        start.ArgumentList.Add(Flag);
        var child = Process.Start(start)!;
        var first = child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The server process ended before printing its port.");
        return (child, int.Parse(first["port ".Length..]));
    }

    /// <summary>Asks the child for its figures.</summary>
    public static ServerStats Ask(Process child)
    {
        child.StandardInput.WriteLine("stats");
        var parts = child.StandardOutput.ReadLine()!.Split(' ').Select(long.Parse).ToArray();
        return new ServerStats((int)parts[0], parts[1], parts[2], (int)parts[3], (int)parts[4]);
    }

    public static void Stop(Process child)
    {
        child.StandardInput.WriteLine("quit");
        if (!child.WaitForExit(TimeSpan.FromSeconds(20))) child.Kill();
        child.Dispose();
    }
}

/// <summary>What the server process reports: threads, resident memory, managed heap, members and connections.</summary>
record ServerStats(int Threads, long WorkingSetBytes, long ManagedHeapBytes, int Members, int Sessions);
