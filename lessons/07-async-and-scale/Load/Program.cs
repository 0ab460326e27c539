// Lesson 07's load tool. Figures, never assertions: see lessons/07-async-and-scale/README.md, "Measure it".
//
//   load hold    --port P [--clients 2000] [--seconds 10] [--pid PID]
//   load echo    --port P [--concurrency 1000] [--seconds 10] [--pid PID]
//   load burst   --port P [--clients 1000] [--deadline 30] [--pid PID]
//   load fanout  --port P [--members 100] [--lines 20] [--pid PID]      (a chat room, lesson 06 or 07)
//   load serve   async|threaded [--port 0]                               (hosts a course server to measure)
//   load compare [--quick] [--out DIR]                                   (every design, a table and a chart)
//
// Every run prints its figures and, with --json FILE, writes them as JSON. Only loopback addresses are used.
using System.Net;
using System.Text.Json;
using SocketCourse.AsyncAndScale.Tests;
using SocketCourse.Lessons.AsyncAndScale.Load;

if (args.Length == 0 || args[0] is "help" or "-h" or "--help")
{
    Console.WriteLine("""
        load hold    --port P [--clients 2000] [--seconds 10] [--pid PID] [--json FILE]
        load echo    --port P [--concurrency 1000] [--seconds 10] [--pid PID] [--json FILE]
        load burst   --port P [--clients 1000] [--deadline 30] [--pid PID] [--json FILE]
        load fanout  --port P [--members 100] [--lines 20] [--pid PID] [--json FILE]
        load serve   async|threaded [--port 0]
        load compare [--quick] [--out DIR]
        """);
    return 0;
}

var options = Options.Parse(args.Skip(1));
var limitProblem = FileDescriptorLimit.EnsureAtLeast(Math.Max(options.Int("clients", 0), options.Int("concurrency", 0)) + 1000);
if (limitProblem is not null) Console.Error.WriteLine("warning: " + limitProblem);
var server = new IPEndPoint(IPAddress.Loopback, options.Int("port", 9996));
int? pid = options.Has("pid") ? options.Int("pid", 0) : null;

object? result;
switch (args[0])
{
    case "hold":
        var hold = await LoadRuns.HoldAsync(server, options.Int("clients", 2000), TimeSpan.FromSeconds(options.Double("seconds", 10)), pid);
        Console.WriteLine(CompareCommand.Describe(hold));
        result = hold;
        break;
    case "echo":
        var echo = await LoadRuns.EchoAsync(server, options.Int("concurrency", 1000), TimeSpan.FromSeconds(options.Double("seconds", 10)), pid);
        Console.WriteLine(CompareCommand.Describe(echo));
        result = echo;
        break;
    case "burst":
        var burst = await LoadRuns.BurstAsync(server, options.Int("clients", 1000), TimeSpan.FromSeconds(options.Double("deadline", 30)), pid);
        Console.WriteLine(CompareCommand.Describe(burst));
        result = burst;
        break;
    case "fanout":
        var fanout = await FanoutRun.RunAsync(server, options.Int("members", 100), options.Int("lines", 20), pid);
        Console.WriteLine(CompareCommand.Describe(fanout));
        result = fanout;
        break;
    case "serve":
        return await ServeCommand.RunAsync(args.Length > 1 ? args[1] : "async", options.Int("port", 0));
    case "compare":
        return await CompareCommand.RunAsync(options.Has("quick"),
            options.String("out", Path.Combine("lessons", "07-async-and-scale", "results", options.Has("quick") ? "quick" : "full")));
    default:
        Console.Error.WriteLine($"unknown command {args[0]}; try: load help");
        return 2;
}
if (options.Has("json"))
    await File.WriteAllTextAsync(options.String("json", "load.json"), JsonSerializer.Serialize(result, CompareCommand.JsonOptions));
return 0;

/// <summary>The tool's options: <c>--name value</c> pairs and bare <c>--flags</c>.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = [];

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--"))
            {
                pending = arg[2..];
                options._values[pending] = null;
            }
            else if (pending is not null)
            {
                options._values[pending] = arg;
                pending = null;
            }
        }
        return options;
    }

    public bool Has(string name) => _values.ContainsKey(name);
    public string String(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;
    public int Int(string name, int fallback) => _values.GetValueOrDefault(name) is { } v ? int.Parse(v) : fallback;
    public double Double(string name, double fallback) => _values.GetValueOrDefault(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
