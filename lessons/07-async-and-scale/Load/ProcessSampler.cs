using System.Diagnostics;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>One look at a process: its resident memory and its thread count.</summary>
public sealed record ProcessSample(double Seconds, long RssKb, int Threads);

/// <summary>
/// Watches a server process by its pid: resident memory (RSS) and threads, every <c>interval</c>. On Linux it reads
/// <c>/proc/PID/status</c> (VmRSS, Threads), which any process may read; elsewhere it asks <see cref="Process"/>
/// (WorkingSet64, Threads), which is the closest figure Windows and macOS give.
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly List<ProcessSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public ProcessSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _loop = LoopAsync(interval);
    }

    /// <summary>Every sample so far.</summary>
    public IReadOnlyList<ProcessSample> Samples
    {
        get
        {
            lock (_samples) return [.. _samples];
        }
    }

    /// <summary>Takes a sample now (also added to <see cref="Samples"/>); null if the process is gone.</summary>
    public ProcessSample? SampleNow()
    {
        var sample = Read(_pid, _clock.Elapsed.TotalSeconds);
        if (sample is not null)
            lock (_samples) _samples.Add(sample);
        return sample;
    }

    public static ProcessSample? Read(int pid, double seconds)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                long rss = 0;
                var threads = 0;
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmRSS:")) rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
                    else if (line.StartsWith("Threads:")) threads = int.Parse(line.Split('\t', ' ').Last(s => s.Length > 0));
                }
                return new ProcessSample(seconds, rss, threads);
            }
            using var process = Process.GetProcessById(pid);
            return new ProcessSample(seconds, process.WorkingSet64 / 1024, process.Threads.Count);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SampleNow();
                await Task.Delay(interval, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
