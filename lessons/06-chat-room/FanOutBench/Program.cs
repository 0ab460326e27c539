// Lesson 06 benchmark: how many chat lines per second can the threaded room deliver, and what does a member cost the
// server? For each room size (10, 100 and 1,000 members by default), a fresh server is started in a child process;
// the members join from this process; then one member sends short chat lines in bursts of 100 (fewer than an outbox
// holds, so nobody is dropped as too slow) and the next burst goes out once every other member has received the last.
//
// Figures: deliveries per second (one delivery = one line arriving at one member; best and median of the runs, wall
// clock), and the server process's threads, resident memory (RSS) and managed heap after the members joined. The
// clients share the machine with the server, so on 2 cores the figures are a floor, not the server's ceiling.
//
//   dotnet run -c Release --project lessons/06-chat-room/FanOutBench [-- 10 100 1000]
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using SocketCourse.Lessons.ChatRoom.Bench;

if (args.Length == 1 && args[0] == ServerProcess.Flag) return ServerProcess.Serve();

var sizes = args.Select(a => int.TryParse(a, out var n) && n >= 2 ? n : 0).Where(n => n > 0).ToList();
if (sizes.Count == 0) sizes = [10, 100, 1000];
const int Runs = 3;
const int Burst = 100;
const long DeliveriesPerRun = 1_000_000;

#if DEBUG
Console.WriteLine("warning: a Debug build; run with -c Release for figures worth quoting.");
#endif
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription.Trim()}, " +
                  $"{RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}; load average before: {LoadAverage()}");
Console.WriteLine($"about {DeliveriesPerRun:N0} deliveries per run, lines sent in bursts of {Burst}, {Runs} runs per size after a warm-up");
Console.WriteLine();
Console.WriteLine($"{"members",8} {"best deliveries/s",18} {"median deliveries/s",20} {"server threads",15} {"threads/member",15} {"server RSS MB",14} {"managed heap MB",16}");

foreach (var size in sizes)
{
    var (child, port) = ServerProcess.Start();
    var members = new List<BenchMember>();
    try
    {
        var idle = ServerProcess.Ask(child);
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        for (var first = 0; first < size; first += 50)
            members.AddRange(await Task.WhenAll(Enumerable.Range(first, Math.Min(50, size - first)).Select(i => BenchMember.JoinAsync(endpoint, $"m{i}"))));
        var joined = await WaitForAsync(() => ServerProcess.Ask(child) is var s && s.Members == size, TimeSpan.FromSeconds(60))
            ? ServerProcess.Ask(child)
            : throw new InvalidOperationException($"Only some of the {size} members joined.");

        var sender = members[0];
        var receivers = members.Skip(1).ToList();
        var linesPerRun = (int)Math.Max(Burst, DeliveriesPerRun / receivers.Count / Burst * Burst);
        await MeasureAsync(sender, receivers, Math.Min(linesPerRun, 10 * Burst)); // warm-up
        var speeds = new List<double>();
        for (var run = 0; run < Runs; run++) speeds.Add(await MeasureAsync(sender, receivers, linesPerRun));
        speeds.Sort();
        var stats = ServerProcess.Ask(child);
        if (stats.Members != size) Console.WriteLine($"note: {size - stats.Members} member(s) were dropped during the runs");
        var threads = joined.Threads;
        Console.WriteLine($"{size,8} {speeds[^1],18:N0} {speeds[Runs / 2],20:N0} {threads,15:N0} {(threads - idle.Threads) / (double)size,15:N2} " +
                          $"{joined.WorkingSetBytes / 1048576.0,14:N1} {joined.ManagedHeapBytes / 1048576.0,16:N1}");
    }
    finally
    {
        foreach (var m in members) m.Dispose();
        ServerProcess.Stop(child);
    }
}
Console.WriteLine($"\nload average after: {LoadAverage()}");
return 0;

// Sends `lines` chat lines from the sender in bursts, each burst after every receiver has had the previous one.
static async Task<double> MeasureAsync(BenchMember sender, List<BenchMember> receivers, int lines)
{
    var start = receivers.Select(r => r.ChatLines).ToArray();
    var clock = Stopwatch.StartNew();
    for (var sent = 0; sent < lines; sent += Burst)
    {
        await sender.SendAsync(string.Concat(Enumerable.Range(sent, Burst).Select(i => $"line {i} of the fan-out benchmark\n")));
        var target = sent + Burst;
        if (!await WaitForAsync(() => AllHave(receivers, start, target), TimeSpan.FromSeconds(60)))
            throw new InvalidOperationException($"Receivers stopped short of {target} lines: was a member dropped as too slow?");
    }
    return (double)lines * receivers.Count / clock.Elapsed.TotalSeconds;
}

static bool AllHave(List<BenchMember> receivers, long[] start, long target)
{
    for (var i = 0; i < receivers.Count; i++)
        if (receivers[i].ChatLines - start[i] < target) return false;
    return true;
}

static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
{
    var clock = Stopwatch.StartNew();
    while (!condition())
    {
        if (clock.Elapsed > timeout) return false;
        await Task.Delay(1);
    }
    return true;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
