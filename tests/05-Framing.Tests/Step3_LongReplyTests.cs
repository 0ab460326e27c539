using System.Net;

namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 3: replies longer than one buffer of the PipeWriter. Found by mutation testing (.ci/mutation): asking GetSpan
/// for fewer bytes than the reply and its '\n' went unnoticed before, because every graded reply was short.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
public sealed class Step3_LongReplyTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;

    // Sizes around the PipeWriter's usual buffer sizes (4 KiB and its multiples), where a span one or two bytes short shows.
    private static readonly int[] Lengths = [0, 1, 4094, 4095, 4096, 4097, 8191, 8192, 8193, 16384, 65536, 100_000];

    [Fact(DisplayName = "Replies of any length arrive whole, each with one LF")]
    public async Task Replies_of_any_length_arrive_whole_each_with_one_LF()
    {
        // The reply function answers the line "N" with N letters, so the reply's length is chosen by the grader.
        await using var server = PipelinedLineServer.Start(AnyPort, line => new string('r', int.Parse(line)));
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);

        foreach (var length in Lengths)
        {
            await client.SendAsync($"{length}\n");
            var reply = (await Wire.ReadLinesAsync(client, 1, $"the reply of {length:N0} bytes to the line \"{length}\""))[0];
            Assert.True(reply.Length == length && reply.All(c => c == 'r'),
                $"The reply function returned {length:N0} letters 'r'; the client received a line of {reply.Length:N0} characters" +
                (reply.All(c => c == 'r') ? "" : " with other bytes among them") + ". Ask the PipeWriter for room for the whole reply and its " +
                "'\\n' (GetSpan(length + 1)), write both, then Advance(length + 1); GetSpan(n) guarantees n bytes and no more.");
        }
    }
}
