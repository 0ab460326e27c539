using System.Net.Sockets;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 2, the size limit: it applies to the whole message, and it applies as the bytes arrive.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "2")]
public sealed class Step2_LimitTests
{
    [Fact(DisplayName = "The limit is on the whole message, not on each Receive")]
    public async Task The_limit_is_on_the_whole_message_not_on_each_Receive()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.Chunks(10));

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner, maxBytes: 100));
        await pair.Grader.SendAsync(new byte[150]);
        pair.Grader.ShutdownSend();

        await Expect.Throws<InvalidDataException>(reading,
            "150 bytes arrived in pieces of 10 with maxBytes: 100. No single Receive was over the limit, but the message was: " +
            "add up what has arrived so far and compare the total with maxBytes");
    }

    [Fact(DisplayName = "Past the limit, it fails without waiting for the end of the stream")]
    public async Task Past_the_limit_it_fails_without_waiting_for_the_end_of_stream()
    {
        using var pair = await ConnectedPair.OpenAsync();

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner, maxBytes: 100));
        await pair.Grader.SendAsync(new byte[1000]); // and the grader never half-closes

        await Expect.Throws<InvalidDataException>(reading,
            "1000 bytes arrived with maxBytes: 100 and the peer kept sending (no end of stream). Checking the size only at the end " +
            "lets a peer that never stops fill the memory: check the total after every Receive");
    }
}
