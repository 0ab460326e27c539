namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 3: the connection gate counts admissions atomically and never lets in more than its cap.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "3")]
public sealed class Step3_ConnectionGateTests
{
    [Fact(DisplayName = "The gate admits up to its cap, refuses the next, and a leave frees a place")]
    public void The_gate_admits_up_to_its_cap_refuses_the_next_and_a_leave_frees_a_place()
    {
        var gate = new ConnectionGate(3);

        var firstThree = new[] { gate.TryEnter(), gate.TryEnter(), gate.TryEnter() };
        var fourth = gate.TryEnter();
        var countWhenFull = gate.Count;
        gate.Leave();
        var afterLeave = gate.TryEnter();

        Assert.True(firstThree.All(admitted => admitted), $"A gate for 3 answered [{string.Join(", ", firstThree)}] to the first three TryEnter calls, expected all true.");
        Assert.False(fourth, "A gate for 3 admitted a fourth client: TryEnter must return false when Count has reached MaxConnections.");
        Assert.True(countWhenFull == 3, $"Count was {countWhenFull} with 3 admitted and 1 refused: a refusal must not be counted.");
        Assert.True(afterLeave, "After one Leave, TryEnter still said no: Leave must free the place.");
        Assert.Equal(3, gate.MaxConnections);
    }

    [Fact(DisplayName = "Eight threads entering and leaving at once never get past the cap")]
    public async Task Eight_threads_entering_and_leaving_at_once_never_get_past_the_cap()
    {
        const int cap = 1, threads = 8, rounds = 100_000;
        var gate = new ConnectionGate(cap);
        var inside = 0;
        var mostInside = 0;
        using var start = new Barrier(threads);
        var racers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(Deadlines.Default);
            var admitted = 0;
            for (var i = 0; i < rounds; i++)
            {
                if (!gate.TryEnter()) continue;
                admitted++;
                var now = Interlocked.Increment(ref inside);
                Thread.SpinWait(20); // a moment inside, as a real client stays a while
                now = Math.Max(now, gate.Count);
                if (now > Volatile.Read(ref mostInside)) InterlockedMax(ref mostInside, now);
                Interlocked.Decrement(ref inside);
                gate.Leave();
            }
            return admitted;
        }, TaskCreationOptions.LongRunning)).ToList();
        var admittedPerThread = await CodeUnderTest.Finish(Task.WhenAll(racers), $"{threads} threads calling TryEnter and Leave {rounds:N0} times each",
            timeout: TimeSpan.FromSeconds(20));

        Assert.True(mostInside <= cap,
            $"{threads} threads entered and left a gate for {cap} client, {rounds:N0} times each: at one moment {mostInside} were inside. " +
            "Reading the count, comparing it with the cap, then incrementing it are separate steps: two threads can both see room for one " +
            "and both come in. Make the comparison and the write one atomic step (Interlocked.CompareExchange in a loop).");
        Assert.True(gate.Count == 0, $"After every admitted client left, Count was {gate.Count}, expected 0.");
        Assert.True(admittedPerThread.Sum() > 0, "No thread was ever admitted by an empty gate.");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact(DisplayName = "A leave without an entry is refused, and a cap below 1 is rejected")]
    public void A_leave_without_an_entry_is_refused_and_a_cap_below_1_is_rejected()
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => _ = new ConnectionGate(0), "a gate with room for nobody would refuse everyone");
        var gate = new ConnectionGate(2);
        Expect.Throws<InvalidOperationException>(gate.Leave, "Leave without an admitted client is a bug in the server; the count must never go below 0");
        Assert.True(gate.Count == 0, $"After the refused Leave, Count was {gate.Count}, expected 0.");
    }
}
