using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>The grader's side of one request and reply in the seed's protocol: raw UTF-8, no terminator.</summary>
internal static class Talk
{
    /// <summary>
    /// Sends <paramref name="message"/> and reads exactly as many bytes as <paramref name="expectedReply"/>
    /// has, then checks they are that reply: a reply meant for another client shows up here as a mismatch.
    /// </summary>
    public static async Task ExpectReplyAsync(LoopbackPeer client, string message, string expectedReply, string? hint = null)
    {
        await client.SendAsync(message);
        var expected = Encoding.UTF8.GetBytes(expectedReply);
        var reply = await client.ReadExactlyAsync(expected.Length,
            $"the reply to {Show.Text(message)} at {client.Name}" + (hint is null ? "" : $" ({hint})"));
        if (!reply.AsSpan().SequenceEqual(expected))
            throw new GradingException(
                $"{client.Name} sent {Show.Text(message)} and expected {Show.Bytes(expected)} back, but received {Show.Bytes(reply)}. " +
                "If that is another client's answer, the handlers share something they should not: each thread needs its own " +
                "socket (captured per client, not read from a field the next Accept overwrites) and its own buffer.");
    }
}
