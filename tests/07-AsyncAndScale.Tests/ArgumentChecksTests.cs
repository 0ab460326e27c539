using System.Net;

namespace SocketCourse.AsyncAndScale.Tests;

// Bad arguments fail at once with an ArgumentException, before any socket is opened or any task started. Found by
// mutation testing (.ci/mutation): removing any of these checks went unnoticed before.

/// <summary>Step 1: AsyncEchoServer.Start refuses limits it cannot serve with, at once and leaving nothing open.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step1_AsyncEchoServerArgumentTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;

    [Fact(DisplayName = "A null endpoint is an ArgumentNullException")]
    public void A_null_endpoint_is_an_ArgumentNullException() =>
        Expect.Throws<ArgumentNullException>(() => AsyncEchoServer.Start(null!).StopAsync().Wait(), "Start(null) has nowhere to listen");

    [Fact(DisplayName = "A cap below 1, an idle timeout of 0 or a line limit of 0 is refused before listening")]
    public void Limits_that_cannot_serve_anyone_are_refused_before_listening()
    {
        var cases = new (ServerLimits Limits, string Why)[]
        {
            (new ServerLimits(MaxConnections: 0), "MaxConnections = 0 would turn every client away"),
            (new ServerLimits(IdleTimeout: TimeSpan.Zero), "IdleTimeout = 0 would cut every client off before its first line"),
            (new ServerLimits(MaxLineBytes: 0), "MaxLineBytes = 0 would refuse every line but the empty one"),
        };
        foreach (var (limits, why) in cases)
        {
            Expect.Throws<ArgumentOutOfRangeException>(() => AsyncEchoServer.Start(AnyPort, limits: limits).StopAsync().Wait(),
                $"{why}: Start must refuse it with an ArgumentOutOfRangeException, not a server that fails each client later");
            SocketLeaks.ExpectNothingLeftOpen(() => AsyncEchoServer.Start(AnyPort, limits: limits).StopAsync().Wait(),
                $"AsyncEchoServer.Start with {limits}");
        }
    }
}

/// <summary>Step 2: AsyncChatServer.Start and ChannelOutbox refuse what they cannot work with.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_ChatArgumentTests
{
    [Fact(DisplayName = "AsyncChatServer.Start refuses a null endpoint and an outbox below one line")]
    public void AsyncChatServer_Start_refuses_a_null_endpoint_and_an_outbox_below_one_line()
    {
        Expect.Throws<ArgumentNullException>(() => AsyncChatServer.Start(null!).StopAsync().Wait(), "Start(null) has nowhere to listen");
        Expect.Throws<ArgumentOutOfRangeException>(() => AsyncChatServer.Start(Loopback.AnyPort, outboxLines: 0).StopAsync().Wait(),
            "outboxLines = 0 would make every member's outbox unusable: refuse it in Start, before any client connects");
    }

    [Fact(DisplayName = "ChannelOutbox refuses a null socket and a null line")]
    public async Task ChannelOutbox_refuses_a_null_socket_and_a_null_line()
    {
        Expect.Throws<ArgumentNullException>(() => _ = new ChannelOutbox(null!), "an outbox needs the member's socket to write to");
        using var pair = await ConnectedPair.OpenAsync();
        var outbox = new ChannelOutbox(pair.Learner);
        Expect.Throws<ArgumentNullException>(() => outbox.TryDeliver(null!),
            "TryDeliver(null) has no line to queue: refuse it at once, instead of letting the writer task fail on it later");
        outbox.Disconnect();
        await CodeUnderTest.Finish(outbox.Completion, "the outbox's writer task to end after Disconnect");
    }
}

/// <summary>Step 3: IdleReader.ReadLineAsync refuses a missing reader and a timeout that is not positive.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "3")]
public sealed class Step3_IdleReaderArgumentTests
{
    [Fact(DisplayName = "IdleReader refuses a null reader and a timeout that is not positive")]
    public async Task IdleReader_refuses_a_null_reader_and_a_timeout_that_is_not_positive()
    {
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => IdleReader.ReadLineAsync(null!, TimeSpan.FromSeconds(1), CancellationToken.None).AsTask()),
            "ReadLineAsync(null, …) has nothing to read with");
        using var pair = await ConnectedPair.OpenAsync();
        await using var stream = new System.Net.Sockets.NetworkStream(pair.Learner, ownsSocket: false);
        var reader = new Framing.LineReader(stream);
        await Expect.Throws<ArgumentOutOfRangeException>(CodeUnderTest.Start(() => IdleReader.ReadLineAsync(reader, TimeSpan.Zero, CancellationToken.None).AsTask()),
            "an idle timeout of 0 would time out before any line could arrive");
    }
}
