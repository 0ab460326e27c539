namespace SocketCourse.AsyncAndScale.Tests;

// Both servers' Start promises "nothing is left open" when the address cannot be bound. Found by mutation testing
// (.ci/mutation): removing the listener's Dispose in Start's catch went unnoticed before.

/// <summary>Step 1: a failed AsyncEchoServer.Start throws and leaves no socket behind.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step1_FailedStartTests
{
    [Fact(DisplayName = "AsyncEchoServer.Start on a taken port throws and leaves nothing open")]
    public void AsyncEchoServer_Start_on_a_taken_port_throws_and_leaves_nothing_open()
    {
        using var taken = LoopbackListener.Start();

        Expect.Throws<System.Net.Sockets.SocketException>(() => AsyncEchoServer.Start(taken.EndPoint).StopAsync().Wait(),
            $"{taken.EndPoint} is held by the grader's listener: Bind fails, and Start must let that SocketException out");
        SocketLeaks.ExpectNothingLeftOpen(() => AsyncEchoServer.Start(taken.EndPoint).StopAsync().Wait(),
            $"AsyncEchoServer.Start({taken.EndPoint}), a port that is taken,");
    }
}

/// <summary>Step 2: a failed AsyncChatServer.Start throws and leaves no socket behind.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step2_FailedStartTests
{
    [Fact(DisplayName = "AsyncChatServer.Start on a taken port throws and leaves nothing open")]
    public void AsyncChatServer_Start_on_a_taken_port_throws_and_leaves_nothing_open()
    {
        using var taken = LoopbackListener.Start();

        Expect.Throws<System.Net.Sockets.SocketException>(() => AsyncChatServer.Start(taken.EndPoint).StopAsync().Wait(),
            $"{taken.EndPoint} is held by the grader's listener: Bind fails, and Start must let that SocketException out");
        SocketLeaks.ExpectNothingLeftOpen(() => AsyncChatServer.Start(taken.EndPoint).StopAsync().Wait(),
            $"AsyncChatServer.Start({taken.EndPoint}), a port that is taken,");
    }
}

/// <summary>Graders that count the process's sockets run alone, so other graders' sockets do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "counts the process's sockets";
}
