using System.Diagnostics;
using System.Net;
using HdrHistogram;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>The load tool's runs against one server. Each bounds every wait and counts what failed instead of throwing.</summary>
public static class LoadRuns
{
    private static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connects <paramref name="count"/> clients, at most <paramref name="inFlight"/> at once; failures are counted.</summary>
    public static async Task<(List<LineClient> Clients, int Errors)> ConnectManyAsync(IPEndPoint server, int count, int inFlight, TimeSpan overall,
        TimeSpan? connectTimeout = null)
    {
        var perConnect = connectTimeout ?? DefaultConnectTimeout;
        using var stop = new CancellationTokenSource(overall);
        using var slots = new SemaphoreSlim(inFlight);
        var errors = 0;
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                await slots.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref errors);
                return null;
            }
            try
            {
                using var one = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                one.CancelAfter(perConnect);
                return await LineClient.ConnectAsync(server, one.Token);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
                return null;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        var clients = (await Task.WhenAll(tasks)).Where(c => c is not null).Select(c => c!).ToList();
        return (clients, errors);
    }

    /// <summary>One round trip on each client, all at once; returns how many came back right.</summary>
    public static async Task<int> RoundTripEachAsync(IReadOnlyList<LineClient> clients, TimeSpan overall)
    {
        using var stop = new CancellationTokenSource(overall);
        var ok = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            try
            {
                await client.SendLineAsync($"hello {i}", stop.Token);
                return await client.ReadLineAsync(stop.Token) == $"hello {i}";
            }
            catch (Exception)
            {
                return false;
            }
        }));
        return ok.Count(x => x);
    }

    /// <summary>Holds <paramref name="count"/> idle connections for <paramref name="hold"/>, then checks each still answers.</summary>
    public static async Task<HoldResult> HoldAsync(IPEndPoint server, int count, TimeSpan hold, int? pid, TimeSpan? connectTimeout = null)
    {
        var before = pid is int p ? ProcessSampler.Read(p, 0) : null;
        await using var sampler = pid is int q ? new ProcessSampler(q, TimeSpan.FromMilliseconds(250)) : null;
        var clock = Stopwatch.StartNew();
        var (clients, errors) = await ConnectManyAsync(server, count, inFlight: 200, overall: TimeSpan.FromSeconds(Math.Max(30, count / 200.0)), connectTimeout);
        var connectSeconds = clock.Elapsed.TotalSeconds;
        try
        {
            await Task.Delay(hold);
            sampler?.SampleNow();
            var answered = await RoundTripEachAsync(clients, connectTimeout is { } t ? 3 * t : TimeSpan.FromSeconds(30));
            sampler?.SampleNow();
            return new HoldResult("hold", count, clients.Count, answered, errors, connectSeconds, hold.TotalSeconds, Footprint(before, sampler));
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    /// <summary>Runs <paramref name="concurrency"/> clients, each sending a line and awaiting its echo in a loop, for <paramref name="duration"/>.</summary>
    public static async Task<EchoResult> EchoAsync(IPEndPoint server, int concurrency, TimeSpan duration, int? pid, TimeSpan? connectTimeout = null)
    {
        var before = pid is int p ? ProcessSampler.Read(p, 0) : null;
        await using var sampler = pid is int q ? new ProcessSampler(q, TimeSpan.FromMilliseconds(250)) : null;
        var (clients, errors) = await ConnectManyAsync(server, concurrency, inFlight: 200, overall: TimeSpan.FromSeconds(30), connectTimeout);
        try
        {
            using var stop = new CancellationTokenSource(duration);
            var payload = new string('x', 32);
            var clock = Stopwatch.StartNew();
            var perClient = await Task.WhenAll(clients.Select(client => Task.Run(async () =>
            {
                var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
                long trips = 0;
                var failed = 0;
                while (!stop.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        await client.SendLineAsync(payload, stop.Token);
                        var echo = await client.ReadLineAsync(stop.Token);
                        if (echo != payload) { failed++; break; }
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    catch (Exception)
                    {
                        failed++;
                        break;
                    }
                    histogram.RecordValue(Stopwatch.GetElapsedTime(start).Ticks / 10); // microseconds
                    trips++;
                }
                return (histogram, trips, failed);
            })));
            var seconds = clock.Elapsed.TotalSeconds;
            var all = new LongHistogram(TimeStamp.Seconds(60), 3);
            foreach (var (h, _, _) in perClient) all.Add(h);
            var total = perClient.Sum(x => x.trips);
            errors += perClient.Sum(x => x.failed);
            return new EchoResult("echo", concurrency, clients.Count, perClient.Count(x => x.trips > 0), seconds, total, total / seconds, Percentiles(all), errors,
                Footprint(before, sampler));
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    /// <summary>Starts <paramref name="count"/> connects at the same moment, each followed by one round trip.</summary>
    public static async Task<BurstResult> BurstAsync(IPEndPoint server, int count, TimeSpan deadline, int? pid)
    {
        var before = pid is int p ? ProcessSampler.Read(p, 0) : null;
        await using var sampler = pid is int q ? new ProcessSampler(q, TimeSpan.FromMilliseconds(250)) : null;
        using var stop = new CancellationTokenSource(deadline);
        var clock = Stopwatch.StartNew();
        var lastServed = 0.0;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            LineClient? client = null;
            try
            {
                client = await LineClient.ConnectAsync(server, stop.Token);
                await client.SendLineAsync($"burst {i}", stop.Token);
                var ok = await client.ReadLineAsync(stop.Token) == $"burst {i}";
                if (ok) InterlockedMax(ref lastServed, clock.Elapsed.TotalSeconds);
                return ok;
            }
            catch (Exception)
            {
                return false;
            }
            finally
            {
                client?.Dispose();
            }
        }));
        var served = outcomes.Count(x => x);
        return new BurstResult("burst", count, served, count - served, served == count ? lastServed : double.NaN, deadline.TotalSeconds,
            Footprint(before, sampler));
    }

    public static Latency Percentiles(LongHistogram h) =>
        h.TotalCount == 0
            ? new Latency(double.NaN, double.NaN, double.NaN, double.NaN)
            : new Latency(h.GetValueAtPercentile(50) / 1000.0, h.GetValueAtPercentile(99) / 1000.0, h.GetValueAtPercentile(99.9) / 1000.0,
                h.GetMaxValue() / 1000.0);

    public static ServerFootprint? Footprint(ProcessSample? before, ProcessSampler? sampler)
    {
        if (before is null || sampler is null) return null;
        sampler.SampleNow();
        var samples = sampler.Samples;
        return new ServerFootprint(before.RssKb, samples.Max(s => s.RssKb), before.Threads, samples.Max(s => s.Threads), samples);
    }

    private static void InterlockedMax(ref double target, double value)
    {
        double seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
