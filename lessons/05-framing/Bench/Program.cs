// Lesson 05 benchmark: how fast can a server cut a socket's byte stream into lines, and what does each line cost
// in allocations? Four readers take the same stream of 64-byte lines (63 characters and '\n') from a loopback socket:
//
//   pipe, span    the solution's LineFramer on a PipeReader, looking at each line's bytes without making a string
//   pipe, string  the same, decoding each line to a string (what a server that works with text does)
//   LineReader    the solution's step 1 reader (its own buffer, a string per line)
//   StreamReader  StreamReader.ReadLineAsync, .NET's general-purpose text reader
//
// Figures: lines per second (best and median of the runs, wall clock), CPU time per line (the whole process, sender
// included, so compare the readers with each other; on a shared machine it is steadier than the wall clock), and
// bytes allocated per line (the process's allocations during the run divided by the lines; the sender reuses one
// buffer, so nearly all of it is the reader's).
//
//   dotnet run -c Release --project lessons/05-framing/Bench [-- lines-per-run]
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SocketCourse.Lessons.Framing.Bench;

var lines = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 1_000_000;
const int Runs = 5;

#if DEBUG
Console.WriteLine("warning: a Debug build; run with -c Release for figures worth quoting.");
#endif
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription.Trim()}, " +
                  $"{RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine($"{lines:N0} lines of {LineSource.LineBytes} bytes per run, {Runs} runs each after a warm-up");
Console.WriteLine();
Console.WriteLine($"{"reader",-14} {"best lines/s",14} {"median lines/s",15} {"CPU ns/line",12} {"bytes allocated/line",21}");

foreach (var reader in Readers.All)
{
    await Measure(reader, Math.Min(lines, 100_000)); // warm-up: JIT, tiered compilation, socket buffers
    var results = new List<(double LinesPerSecond, double CpuNanosPerLine, double BytesPerLine)>();
    for (var run = 0; run < Runs; run++) results.Add(await Measure(reader, lines));
    var speeds = results.Select(r => r.LinesPerSecond).Order().ToList();
    var cpu = results.Select(r => r.CpuNanosPerLine).Order().ToList();
    Console.WriteLine($"{reader.Name,-14} {speeds[^1],14:N0} {speeds[Runs / 2],15:N0} {cpu[Runs / 2],12:N0} {results.Min(r => r.BytesPerLine),21:N1}");
}
return 0;

static async Task<(double LinesPerSecond, double CpuNanosPerLine, double BytesPerLine)> Measure(Reader reader, int lines)
{
    using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    listener.Listen();
    using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    await sender.ConnectAsync(listener.LocalEndPoint!);
    using var receiver = await listener.AcceptAsync();

    GC.Collect();
    GC.WaitForPendingFinalizers();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var sending = LineSource.SendAsync(sender, lines);
    var counted = await reader.Run(new NetworkStream(receiver, ownsSocket: false));
    await sending;
    clock.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

    if (counted != lines) throw new InvalidOperationException($"{reader.Name} read {counted} lines, not {lines}");
    return (lines / clock.Elapsed.TotalSeconds, cpu.TotalNanoseconds / lines, (double)allocated / lines);
}
