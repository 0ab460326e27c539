namespace SocketCourse.Browser.Tests;

/// <summary>Step 4: the WebSocket member never makes the room wait for a browser that stopped reading.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "4")]
public sealed class Step4_WebSocketChatMemberTests
{
    /// <summary>A connection whose peer never reads: every write waits until it is cancelled.</summary>
    internal sealed class StalledStream : Stream
    {
        public int WritesStarted;
        public int WritesStartedSoFar => Volatile.Read(ref WritesStarted);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("the grader's stalled peer sends nothing");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException("a member must send asynchronously (WriteAsync), never block a thread on a peer that does not read");
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref WritesStarted);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    [Fact(DisplayName = "A member whose outbox is full is cut off at once, and never blocks the room")]
    public async Task A_full_outbox_cuts_the_member_off()
    {
        var stream = new StalledStream();
        var member = new WebSocketChatMember(new WebSocketConnection(stream, isServer: true), capacity: 2);

        // One line may be in flight (stalled in WriteAsync) and two may wait: the fourth at the latest is refused.
        var results = new List<bool>();
        var delivering = CodeUnderTest.Start(() =>
        {
            for (var i = 0; i < 10; i++) results.Add(member.TryDeliver($"line {i}"));
            return Task.FromResult(results);
        });
        await CodeUnderTest.Finish(delivering, "ten TryDeliver calls to a member whose peer reads nothing (each must return at once)");

        var taken = results.TakeWhile(r => r).Count();
        Assert.True(taken <= 3 && results.Skip(taken).All(r => !r),
            $"With capacity 2 and a peer that reads nothing, TryDeliver returned [{string.Join(", ", results)}]. At most one line in flight and " +
            "two waiting can be taken; the next must return false (the room then drops the member as too slow), and so must every call after it.");
        Assert.True(member.Disconnected.IsCancellationRequested,
            "After its outbox overflowed, the member's Disconnected token was not cancelled: the session reading its WebSocket would wait on.");
        await CodeUnderTest.Finish(member.Sending, "the member's Sending task to end once it was cut off (its stalled write cancelled)",
            hint: "Cut off means at once: cancel the send that is waiting on the peer, drop the waiting lines, send no close frame.");
    }
}
