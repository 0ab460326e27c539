namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 3: a server that cannot bind says so and leaves nothing open. Runs alone, because it counts the process's
/// sockets. Found by mutation testing (.ci/mutation): no grader made Start fail before.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step3_FailedStartTests
{
    [Fact(DisplayName = "A failed Start leaves no socket open")]
    public void A_failed_Start_leaves_no_socket_open()
    {
        using var taken = LoopbackListener.Start();

        SocketLeaks.ExpectNothingLeftOpen(() => PipelinedLineServer.Start(taken.EndPoint, line => line).StopAsync().Wait(Deadlines.Default),
            $"PipelinedLineServer.Start({taken.EndPoint}), a port that is taken,");
    }
}

/// <summary>Graders that count the process's sockets run alone, so other graders' sockets do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "counts the process's sockets";
}
