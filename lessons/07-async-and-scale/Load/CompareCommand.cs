using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using SocketCourse.AsyncAndScale.Tests;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>The settings of one comparison: the full run for the README, or <c>--quick</c> (under a minute).</summary>
public sealed record CompareSettings(int HoldClients, double HoldSeconds, int EchoConcurrency, double EchoSeconds, int BurstClients,
    double BurstDeadlineSeconds, int? BigHoldClients, int[] FanoutMembers, int FanoutLines, bool FreshServerPerRun, double ConnectTimeoutSeconds)
{
    public static CompareSettings Full { get; } = new(5000, 5, 1000, 10, 1000, 30, 19_000, [100, 1000], 50, FreshServerPerRun: true, ConnectTimeoutSeconds: 5);

    /// <summary>The same runs, smaller and shorter, one server process per design: about a minute on a quiet 2-core machine.</summary>
    public static CompareSettings Quick { get; } = new(1000, 1, 1000, 2, 1000, 2, null, [100, 1000], 10, FreshServerPerRun: false, ConnectTimeoutSeconds: 1);
}

/// <summary>One chat fan-out run: which room, how many members.</summary>
public sealed record FanoutEntry(string Design, string Description, FanoutResult Result);

/// <summary>All the figures of one design.</summary>
public sealed record DesignResult(string Design, string Description, HoldResult Hold, EchoResult Echo, BurstResult Burst);

/// <summary>A whole comparison, as written to compare.json.</summary>
public sealed record Comparison(string Machine, string Started, string LoadBefore, string LoadAfter, CompareSettings Settings,
    IReadOnlyList<DesignResult> Designs, HoldResult? BigHold, IReadOnlyList<FanoutEntry> Fanout, double Seconds);

/// <summary>
/// <c>load compare [--quick] [--out DIR]</c>: the same load against each design, one after the other, each server in a
/// process of its own: Python's ThreadingTCPServer in the seed's style (only when python3 is on PATH), lesson 04's
/// thread-per-client server and lesson 07's async server. Writes compare.json, compare.md (the table) and compare.png.
/// </summary>
public static class CompareCommand
{
    public static async Task<int> RunAsync(bool quick, string outDir)
    {
        var settings = quick ? CompareSettings.Quick : CompareSettings.Full;
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outDir);
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell where the load tool is");
        var python = FindOnPath(OperatingSystem.IsWindows() ? "python.exe" : "python3");
        var script = Path.Combine(AppContext.BaseDirectory, "seed_threading_server.py");
        var loadBefore = LoadAverage();

        var designs = new List<(string Name, string Description, string File, string[] Args)>();
        if (python is not null)
            designs.Add(("python-threading", "Python socketserver.ThreadingTCPServer, listen(5) (the seed's style)", python, [script, "0"]));
        else
            Console.WriteLine("python3 is not on PATH: the Python seed-style server is left out (it is optional).");
        designs.Add(("csharp-thread-per-client", "lesson 04's ThreadingTcpServer (a thread per client)", self, ["serve", "threaded", "0"]));
        designs.Add(("csharp-async", "lesson 07's AsyncEchoServer (a task per connection)", self, ["serve", "async", "0"]));

        var results = new List<DesignResult>();
        foreach (var (name, description, file, args) in designs)
        {
            Console.WriteLine($"== {name}: {description}");
            HoldResult hold;
            EchoResult echo;
            BurstResult burst;
            // The full run starts a fresh server process for each run, so one run's leftovers (threads, memory) do not count
            // in the next; --quick keeps one per design, to save the start-ups.
            var shared = settings.FreshServerPerRun ? null : await ServerProcess.StartAsync(file, args);
            try
            {
                using (var fresh = settings.FreshServerPerRun ? await ServerProcess.StartAsync(file, args) : null)
                {
                    var server = fresh ?? shared!;
                    hold = await LoadRuns.HoldAsync(server.EndPoint, settings.HoldClients, TimeSpan.FromSeconds(settings.HoldSeconds), server.Pid,
                        TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds));
                }
                Console.WriteLine("   " + Describe(hold));
                using (var fresh = settings.FreshServerPerRun ? await ServerProcess.StartAsync(file, args) : null)
                {
                    var server = fresh ?? shared!;
                    echo = await LoadRuns.EchoAsync(server.EndPoint, settings.EchoConcurrency, TimeSpan.FromSeconds(settings.EchoSeconds), server.Pid,
                        TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds));
                }
                Console.WriteLine("   " + Describe(echo));
                using (var fresh = settings.FreshServerPerRun ? await ServerProcess.StartAsync(file, args) : null)
                {
                    var server = fresh ?? shared!;
                    burst = await LoadRuns.BurstAsync(server.EndPoint, settings.BurstClients, TimeSpan.FromSeconds(settings.BurstDeadlineSeconds), server.Pid);
                }
                Console.WriteLine("   " + Describe(burst));
            }
            finally
            {
                shared?.Dispose();
            }
            results.Add(new DesignResult(name, description, hold, echo, burst));
        }

        HoldResult? bigHold = null;
        if (settings.BigHoldClients is int big)
        {
            Console.WriteLine($"== csharp-async: hold {big:N0} idle clients");
            var needed = FileDescriptorLimit.EnsureAtLeast(big + 1000);
            if (needed is not null) Console.WriteLine("   skipped: " + needed);
            else
            {
                using var server = await ServerProcess.StartAsync(self, ["serve", "async", "0"]);
                bigHold = await LoadRuns.HoldAsync(server.EndPoint, big, TimeSpan.FromSeconds(settings.HoldSeconds), server.Pid,
                    TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds));
                Console.WriteLine("   " + Describe(bigHold));
            }
        }

        var fanout = new List<FanoutEntry>();
        foreach (var members in settings.FanoutMembers)
        {
            foreach (var (name, description) in new[] { ("chat-threaded", "lesson 06's ChatServer (threads)"), ("chat-async", "lesson 07's AsyncChatServer (tasks)") })
            {
                Console.WriteLine($"== {name}: fan-out, {members} members");
                using var server = await ServerProcess.StartAsync(self, ["serve", name, "0"]);
                var result = await FanoutRun.RunAsync(server.EndPoint, members, settings.FanoutLines, server.Pid);
                Console.WriteLine("   " + Describe(result));
                fanout.Add(new FanoutEntry(name, description, result));
            }
        }

        var comparison = new Comparison(Machine(), DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"), loadBefore, LoadAverage(), settings,
            results, bigHold, fanout, clock.Elapsed.TotalSeconds);
        var json = JsonSerializer.Serialize(comparison, JsonOptions);
        await File.WriteAllTextAsync(Path.Combine(outDir, "compare.json"), json);
        var table = Table(comparison);
        await File.WriteAllTextAsync(Path.Combine(outDir, "compare.md"), table);
        Chart.Save(comparison, Path.Combine(outDir, "compare.png"));
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"written: {outDir}/compare.json, compare.md, compare.png ({clock.Elapsed.TotalSeconds:0} s)");
        return 0;
    }

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Describe(HoldResult r) =>
        $"hold: {r.Connected:N0} of {r.Requested:N0} connected in {r.ConnectSeconds:0.0} s, {r.AnsweredAfterHold:N0} answered after {r.HeldSeconds:0.#} s" +
        (r.Server is { } s ? $"; server threads {s.ThreadsBefore} -> {s.ThreadsPeak}, RSS {s.RssBeforeKb / 1024.0:0.0} -> {s.RssPeakKb / 1024.0:0.0} MB ({r.KbPerConnection:0.0} KB per connection)" : "");

    public static string Describe(EchoResult r) =>
        $"echo: {r.Connected:N0} clients ({r.ClientsAnswered:N0} ever answered) for {r.Seconds:0.0} s: {r.RoundTripsPerSecond:N0} round trips/s, p50 {r.Latency.P50Ms:0.00} ms, p99 {r.Latency.P99Ms:0.00} ms, " +
        $"p99.9 {r.Latency.P999Ms:0.00} ms, {r.Errors} errors" + (r.Server is { } s ? $"; server threads peak {s.ThreadsPeak}" : "");

    public static string Describe(BurstResult r) =>
        $"burst: {r.Served:N0} of {r.Requested:N0} served" + (double.IsNaN(r.SecondsToAllServed) ? $" within {r.DeadlineSeconds:0} s" : $", all in {r.SecondsToAllServed:0.00} s");

    public static string Describe(FanoutResult r) =>
        $"fan-out: {r.Joined} members, {r.Sent:N0} lines sent, {r.Delivered:N0} deliveries in {r.Seconds:0.0} s: {r.DeliveriesPerSecond:N0} deliveries/s, " +
        $"p99 {r.Latency.P99Ms:0.00} ms, {r.Errors} errors";

    private static string Table(Comparison c)
    {
        var s = c.Settings;
        var b = new StringBuilder();
        b.AppendLine($"Machine: {c.Machine}; {c.Started}; load average before {c.LoadBefore}, after {c.LoadAfter}; run took {c.Seconds:0} s.");
        b.AppendLine();
        b.AppendLine($"| design | idle clients held ({s.HoldClients:N0} asked) | server threads while held | RSS per held client | round trips/s ({s.EchoConcurrency:N0} clients, {s.EchoSeconds:0} s) | p50 / p99 / p99.9 | burst of {s.BurstClients:N0} connects |");
        b.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var d in c.Designs)
        {
            b.AppendLine($"| {d.Description} | {d.Hold.Connected:N0} ({d.Hold.AnsweredAfterHold:N0} answered) | {d.Hold.Server?.ThreadsPeak} | " +
                         $"{d.Hold.KbPerConnection:0.0} KB | {d.Echo.RoundTripsPerSecond:N0} ({d.Echo.ClientsAnswered:N0} clients answered, {d.Echo.Errors} errors) | " +
                         $"{d.Echo.Latency.P50Ms:0.0} / {d.Echo.Latency.P99Ms:0.0} / {d.Echo.Latency.P999Ms:0.0} ms | " +
                         (double.IsNaN(d.Burst.SecondsToAllServed) ? $"{d.Burst.Served:N0} served within {d.Burst.DeadlineSeconds:0} s" : $"all in {d.Burst.SecondsToAllServed:0.00} s") + " |");
        }
        if (c.BigHold is { } big)
        {
            b.AppendLine();
            b.AppendLine($"Async server, {big.Requested:N0} idle clients: {big.Connected:N0} held, {big.AnsweredAfterHold:N0} answered after {big.HeldSeconds:0} s, " +
                         $"server threads at most {big.Server?.ThreadsPeak}, {big.KbPerConnection:0.00} KB of RSS per connection.");
        }
        if (c.Fanout.Count > 0)
        {
            b.AppendLine();
            b.AppendLine($"| chat room | members | lines sent (10 senders × {s.FanoutLines}) | deliveries | deliveries/s | p50 / p99 delivery | server threads | members short of lines |");
            b.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var f in c.Fanout)
            {
                var r = f.Result;
                b.AppendLine($"| {f.Description} | {r.Joined:N0} of {r.Members:N0} | {r.Sent:N0} | {r.Delivered:N0} | {r.DeliveriesPerSecond:N0} | " +
                             $"{r.Latency.P50Ms:0.0} / {r.Latency.P99Ms:0.0} ms | {r.Server?.ThreadsPeak} | {r.Errors} |");
            }
        }
        return b.ToString();
    }

    public static string Machine() =>
        $"{RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores, .NET {Environment.Version}";

    public static string LoadAverage() =>
        OperatingSystem.IsLinux() && File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
