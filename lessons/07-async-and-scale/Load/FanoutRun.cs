using System.Diagnostics;
using System.Net;
using HdrHistogram;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>
/// Chat fan-out against a room that speaks the course's chat protocol (lesson 06's threaded room or lesson 07's async
/// one). <c>members</c> clients join (each reads everything it is sent from then on); then ten of them each send
/// <c>lines</c> chat lines carrying the moment they were sent, all at once. Every line should reach every other member:
/// the run reports deliveries per second (from the first send to the last delivery) and the delivery latency.
/// </summary>
public static class FanoutRun
{
    private const int Senders = 10;

    public static async Task<FanoutResult> RunAsync(IPEndPoint server, int members, int lines, int? pid)
    {
        var before = pid is int p ? ProcessSampler.Read(p, 0) : null;
        await using var sampler = pid is int q ? new ProcessSampler(q, TimeSpan.FromMilliseconds(250)) : null;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var errors = 0;
        var senders = Math.Min(Senders, members);
        var expectedEach = (long)senders * lines;
        var joined = new List<(LineClient Client, Task<(long Count, LongHistogram Latency)> Reading)>();
        var allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long delivered = 0;
        long lastDelivery = 0;

        // Join in waves of 50, so the room's join notices are read as they come (no outbox fills up while we join).
        using var slots = new SemaphoreSlim(50);
        var joining = Enumerable.Range(0, members).Select(async i =>
        {
            await slots.WaitAsync(stop.Token);
            try
            {
                var client = await LineClient.ConnectAsync(server, stop.Token);
                await client.ReadLineAsync(stop.Token); // the greeting
                await client.SendLineAsync($"m{i}", stop.Token);
                while (await client.ReadLineAsync(stop.Token) is { } line && line != $"* m{i} joined") { }
                var mine = i < senders ? lines : 0;
                return (client, ReadAsync(client, expectedEach - mine, stop.Token));
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
                return ((LineClient, Task<(long, LongHistogram)>)?)null;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        foreach (var j in await Task.WhenAll(joining))
            if (j is { } ok) joined.Add(ok);

        async Task<(long, LongHistogram)> ReadAsync(LineClient client, long expected, CancellationToken token)
        {
            var histogram = new LongHistogram(TimeStamp.Seconds(120), 3);
            long count = 0;
            try
            {
                while (count < expected && await client.ReadLineAsync(token) is { } line)
                {
                    // "<m3> t 123456789": a chat line from another member, stamped when it was sent.
                    var at = line.IndexOf("> t ", StringComparison.Ordinal);
                    if (!line.StartsWith('<') || at < 0) continue;
                    var sent = long.Parse(line.AsSpan(at + 4));
                    histogram.RecordValue(Math.Max(0, Stopwatch.GetElapsedTime(sent).Ticks / 10));
                    count++;
                    Interlocked.Increment(ref delivered);
                    Interlocked.Exchange(ref lastDelivery, Stopwatch.GetTimestamp());
                }
            }
            catch (Exception)
            {
                // cancelled at the deadline, or dropped by the room
            }
            return (count, histogram);
        }

        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(joined.Take(senders).Select(async m =>
        {
            try
            {
                for (var k = 0; k < lines; k++) await m.Client.SendLineAsync($"t {Stopwatch.GetTimestamp()}", stop.Token);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
            }
        }));
        var results = await Task.WhenAll(joined.Select(m => m.Reading));
        var seconds = Stopwatch.GetElapsedTime(start, Math.Max(start, Interlocked.Read(ref lastDelivery))).TotalSeconds;
        var all = new LongHistogram(TimeStamp.Seconds(120), 3);
        foreach (var (_, h) in results) all.Add(h);
        errors += results.Count(r => r.Count < expectedEach - lines); // members that missed lines (dropped, or out of time)
        foreach (var m in joined) m.Client.Dispose();
        var total = results.Sum(r => r.Count);
        return new FanoutResult("fanout", members, joined.Count, (long)senders * lines, total, seconds,
            seconds > 0 ? total / seconds : 0, LoadRuns.Percentiles(all), errors, LoadRuns.Footprint(before, sampler));
    }
}
