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

    [Fact(DisplayName = "Eight threads racing for 1,000 places get exactly 1,000")]
    public async Task Eight_threads_racing_for_1000_places_get_exactly_1000()
    {
        var gate = new ConnectionGate(1000);
        using var start = new Barrier(8);
        var racers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(Deadlines.Default);
            var admitted = 0;
            for (var i = 0; i < 20_000; i++)
                if (gate.TryEnter()) admitted++;
            return admitted;
        }, TaskCreationOptions.LongRunning)).ToList();
        var admittedPerThread = await CodeUnderTest.Finish(Task.WhenAll(racers), "8 threads calling TryEnter 20,000 times each");

        var total = admittedPerThread.Sum();
        Assert.True(total == 1000 && gate.Count == 1000,
            $"8 threads called TryEnter 160,000 times on a gate for 1,000: {total} were admitted and Count is {gate.Count}, expected 1,000 and 1,000. " +
            "Reading the count, comparing, then writing it is three steps another thread can slip between: " +
            "do the compare and the write as one (Interlocked.CompareExchange in a loop).");
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
