using System.Net.Sockets;

namespace SocketCourse.Framing.Tests;

/// <summary>Step 2: length-prefixed frames — 4 bytes big-endian, then exactly that many bytes.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "2")]
public sealed class Step2_LengthPrefixedFramesTests
{
    // What Python's struct.pack('!I', n) produces: '!' is network byte order, big-endian, most significant byte first.
    public static TheoryData<int, byte[]> PythonPrefixes => new()
    {
        { 0, [0x00, 0x00, 0x00, 0x00] },
        { 5, [0x00, 0x00, 0x00, 0x05] },
        { 300, [0x00, 0x00, 0x01, 0x2C] },
        { 70000, [0x00, 0x01, 0x11, 0x70] },
    };

    private static string ByteOrders(int n, byte[] expected, ReadOnlySpan<byte> got) =>
        $"For a {n}-byte payload the prefix must be {Wire.Hex(expected)} (struct.pack('!I', {n}): big-endian, network byte order, 网络字节序); " +
        $"the frame starts {Wire.Hex(got[..Math.Min(4, got.Length)])}" +
        (got.Length >= 4 && got[..4].SequenceEqual([.. expected.Reverse()]) ? ", which is the same number little-endian" : "") + ". " +
        $"Little-endian is {Wire.Hex([.. expected.Reverse()])} (struct.pack('<I', {n})), the order BitConverter and MemoryMarshal use on " +
        "x86 and ARM machines; a peer on any machine must read the same bytes, which is why C has htonl. Use BinaryPrimitives.WriteUInt32BigEndian.";

    [Theory(DisplayName = "The prefix is the length in four bytes, big-endian")]
    [MemberData(nameof(PythonPrefixes))]
    public async Task The_prefix_is_the_length_in_four_bytes_big_endian(int n, byte[] prefix)
    {
        var output = new MemoryStream();
        var payload = new byte[n];
        for (var i = 0; i < n; i++) payload[i] = (byte)(i % 251);

        await CodeUnderTest.Finish(CodeUnderTest.Start(() => LengthPrefixedFrames.WriteFrameAsync(output, payload)),
            $"WriteFrameAsync of a {n}-byte payload");
        var frame = output.ToArray();

        Assert.True(frame.AsSpan(0, Math.Min(4, frame.Length)).SequenceEqual(prefix), ByteOrders(n, prefix, frame));
        Assert.True(frame.Length == 4 + n && frame.AsSpan(4).SequenceEqual(payload),
            $"A frame is the 4-byte prefix and then the payload, nothing else: expected {4 + n} bytes, the stream holds {frame.Length}.");
    }

    [Fact(DisplayName = "A frame from Python is read through small chunks")]
    public async Task A_frame_from_Python_is_read_through_small_chunks()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.Chunks(7));
        var payload = new byte[300];
        for (var i = 0; i < payload.Length; i++) payload[i] = (byte)('a' + i % 26);
        byte[] fromPython = [0x00, 0x00, 0x01, 0x2C, .. payload]; // struct.pack('!I', 300) + payload

        var reading = CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(new NetworkStream(pair.Learner, ownsSocket: false)));
        await pair.Grader.SendAsync(fromPython);
        byte[]? frame;
        try
        {
            frame = await CodeUnderTest.Finish(reading, "ReadFrameAsync to return the 300-byte payload sent after the prefix 00 00 01 2c");
        }
        catch (FrameTooLargeException e) when (e.Length == 0x2C010000)
        {
            throw new GradingException(
                $"ReadFrameAsync read the prefix 00 00 01 2c as {e.Length:N0}: that is reading it little-endian (least significant byte first). " +
                "The prefix is big-endian, network byte order (struct.pack('!I', 300)): use BinaryPrimitives.ReadUInt32BigEndian.", e);
        }

        Assert.True(frame is not null && frame.AsSpan().SequenceEqual(payload),
            $"Sent struct.pack('!I', 300) and 300 bytes, 7 bytes per write; ReadFrameAsync returned {(frame is null ? "null" : Show.Bytes(frame))}. " +
            "Read exactly 4 bytes, then exactly the announced length, however many reads that takes (ReadExactlyAsync or a loop).");
    }

    [Fact(DisplayName = "An empty frame is a frame, not the end")]
    public async Task An_empty_frame_is_a_frame_not_the_end()
    {
        var stream = ScriptedStream.Of([0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, (byte)'o', (byte)'k']);

        var frames = await CodeUnderTest.Finish(CodeUnderTest.Start(async () => new[]
        {
            await LengthPrefixedFrames.ReadFrameAsync(stream),
            await LengthPrefixedFrames.ReadFrameAsync(stream),
            await LengthPrefixedFrames.ReadFrameAsync(stream),
        }), "three ReadFrameAsync calls on an empty frame, a 2-byte frame and end of stream");

        Assert.True(frames[0] is { Length: 0 },
            $"The prefix 00 00 00 00 announces an empty payload: a valid frame, returned as an empty array. Got {(frames[0] is null ? "null, which means end of stream" : Show.Bytes(frames[0]))}.");
        Assert.True(frames[1] is { } second && second.AsSpan().SequenceEqual("ok"u8),
            $"After the empty frame came 00 00 00 02 \"ok\"; got {(frames[1] is null ? "null" : Show.Bytes(frames[1]))}.");
        Assert.True(frames[2] is null, "After the last frame the stream ended: ReadFrameAsync returns null, the normal end.");
    }

    [Fact(DisplayName = "Frames arriving one byte at a time are read whole")]
    public async Task Frames_arriving_one_byte_at_a_time_are_read_whole()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.OneByteAtATime);
        byte[][] payloads = [[], Wire.Utf8("你好"), Wire.Utf8(new string('q', 40))];

        var reading = CodeUnderTest.Start(async () =>
        {
            var stream = new NetworkStream(pair.Learner, ownsSocket: false);
            var read = new List<byte[]?>();
            for (var i = 0; i <= payloads.Length; i++) read.Add(await LengthPrefixedFrames.ReadFrameAsync(stream));
            return read;
        });
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            foreach (var p in payloads) await pair.Grader.SendAsync(Frame(p));
            pair.Grader.ShutdownSend();
        });
        var frames = await CodeUnderTest.Finish(reading, "ReadFrameAsync to return three frames, delivered one byte per write, then null");

        for (var i = 0; i < payloads.Length; i++)
            Assert.True(frames[i] is { } f && f.AsSpan().SequenceEqual(payloads[i]),
                $"Frame {i + 1} was {Show.Bytes(payloads[i])}; ReadFrameAsync returned {(frames[i] is null ? "null" : Show.Bytes(frames[i]))}. " +
                "One read may return one byte of a prefix: read exactly 4, then exactly the length. " + Explain.ByteStream);
        Assert.True(frames[^1] is null, "After the last frame the stream ended cleanly: expected null.");
    }

    [Fact(DisplayName = "Frames sent separately but merged by the network stay separate")]
    public async Task Frames_sent_separately_but_merged_by_the_network_stay_separate()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.Merged);
        byte[][] payloads = [Wire.Utf8("one"), Wire.Utf8("two"), Wire.Utf8("three")];

        var reading = CodeUnderTest.Start(async () =>
        {
            var stream = new NetworkStream(pair.Learner, ownsSocket: false);
            var read = new List<byte[]?>();
            for (var i = 0; i < payloads.Length; i++) read.Add(await LengthPrefixedFrames.ReadFrameAsync(stream));
            return read;
        });
        foreach (var p in payloads) await pair.Grader.SendAsync(Frame(p));
        var frames = await CodeUnderTest.Finish(reading, "ReadFrameAsync to return three frames that arrived in one read");

        Assert.True(frames.Select(f => f is null ? "null" : Show.Bytes(f)).SequenceEqual(payloads.Select(p => Show.Bytes(p))),
            $"Three frames sent as three writes arrived in one read; ReadFrameAsync returned [{string.Join(", ", frames.Select(f => f is null ? "null" : Show.Bytes(f)))}]. " +
            "Read exactly the announced length and no more: the next frame's bytes belong to the next call.");
    }

    [Fact(DisplayName = "A 100 KiB frame needs many reads, and arrives whole")]
    public async Task A_100_KB_frame_needs_many_reads_and_arrives_whole()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.Chunks(1400));
        var payload = new byte[100 * 1024];
        new Random(5).NextBytes(payload);

        var reading = CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(new NetworkStream(pair.Learner, ownsSocket: false)));
        await CodeUnderTest.WhileRunning(reading, () => pair.Grader.SendAsync(Frame(payload)));
        var frame = await CodeUnderTest.Finish(reading, "ReadFrameAsync to return a 100 KiB payload sent in 1400-byte pieces");

        Assert.True(frame is not null && frame.AsSpan().SequenceEqual(payload),
            $"Sent a 102400-byte frame in pieces of 1400 bytes (about one TCP segment each); ReadFrameAsync returned {frame?.Length.ToString() ?? "null"} bytes. " +
            "One ReadAsync returns what has arrived so far, not the whole payload: loop (or ReadExactlyAsync) until you have the length.");
    }

    [Fact(DisplayName = "A frame of exactly the limit is read, and one byte more is refused at once")]
    public async Task A_frame_of_exactly_the_limit_is_read_and_one_byte_more_is_refused_at_once()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var stream = new NetworkStream(pair.Learner, ownsSocket: false);

        var reading = CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(stream, maxFrameBytes: 100));
        await pair.Grader.SendAsync(Frame(new byte[100]));
        var atLimit = await CodeUnderTest.Finish(reading, "ReadFrameAsync to accept a frame of exactly maxFrameBytes (100)");
        Assert.True(atLimit?.Length == 100, $"A 100-byte frame with maxFrameBytes: 100 must be read; got {atLimit?.Length.ToString() ?? "null"} bytes.");

        var over = CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(stream, maxFrameBytes: 100));
        await pair.Grader.SendAsync(new byte[] { 0x00, 0x00, 0x00, 0x65 }); // 101, and no payload follows
        var e = await Expect.Throws<FrameTooLargeException>(over,
            "the prefix 00 00 00 65 announces 101 bytes with maxFrameBytes: 100; refuse it on the prefix alone, without waiting for a payload");
        Assert.True(e.Length == 101, $"FrameTooLargeException.Length is {e.Length}; the prefix announced 101.");
    }

    [Theory(DisplayName = "A huge claim is refused as the unsigned number it is")]
    [InlineData(new byte[] { 0x80, 0x00, 0x00, 0x00 }, 2147483648L)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, 4294967295L)]
    public async Task A_huge_claim_is_refused_as_the_unsigned_number_it_is(byte[] prefix, long claimed)
    {
        using var pair = await ConnectedPair.OpenAsync();

        var reading = CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(new NetworkStream(pair.Learner, ownsSocket: false)));
        await pair.Grader.SendAsync(prefix);

        var e = await Expect.Throws<FrameTooLargeException>(reading,
            $"the prefix {Wire.Hex(prefix)} claims {claimed:N0} bytes, far over the 1 MiB default limit, and no payload follows");
        Assert.True(e.Length == claimed,
            $"FrameTooLargeException.Length is {e.Length}, but {Wire.Hex(prefix)} is {claimed:N0} as an unsigned 32-bit number " +
            "(struct.pack('!I') is unsigned). Read it with BinaryPrimitives.ReadUInt32BigEndian: as a signed int it turns negative, " +
            "and a negative length slips past a 'length > max' check.");
    }

    [Theory(DisplayName = "A refused claim allocates nothing for its payload")]
    [InlineData(0x80000000u)]
    [InlineData(0x04000000u)]
    public async Task A_refused_claim_allocates_nothing_for_its_payload(uint claimed)
    {
        // Warm up, so the first call's one-time costs are not counted.
        await CodeUnderTest.Finish(LengthPrefixedFrames.ReadFrameAsync(new MemoryStream([0, 0, 0, 1, 42]), maxFrameBytes: 1024),
            "ReadFrameAsync of a 1-byte frame from a MemoryStream");

        byte[] prefix = [(byte)(claimed >> 24), (byte)(claimed >> 16), (byte)(claimed >> 8), (byte)claimed];
        var (thrown, allocated) = await MeasureAsync(() => LengthPrefixedFrames.ReadFrameAsync(new MemoryStream(prefix), maxFrameBytes: 1024 * 1024));

        Assert.True(thrown is FrameTooLargeException,
            $"The prefix {Wire.Hex(prefix)} claims {claimed:N0} bytes with maxFrameBytes: 1 MiB; expected a FrameTooLargeException, got " +
            (thrown is null ? "no exception." : Explain.Exception(thrown)) + " Check the length against the limit before allocating: " +
            "new byte[length] for a claim of 2 GB fails (or succeeds and costs 2 GB), whatever the peer really sends.");
        Assert.True(allocated < 64 * 1024,
            $"ReadFrameAsync allocated {allocated:N0} bytes to refuse a frame claiming {claimed:N0} bytes. Check the limit before " +
            "allocating the payload's buffer: a peer that claims 4 GB must cost you nothing.");
    }

    // Counts the bytes allocated while the call runs. A MemoryStream completes every read at once, so a plain async
    // implementation runs to its end on this thread, where GC.GetAllocatedBytesForCurrentThread sees every allocation.
    // If it does not complete at once, the process-wide count is the fallback (other tests add to it; the bound is loose).
    private static async Task<(Exception? Thrown, long Allocated)> MeasureAsync(Func<Task> call)
    {
        var beforeTotal = GC.GetTotalAllocatedBytes(precise: true);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Task task;
        try
        {
            task = call();
        }
        catch (NotImplementedException)
        {
            throw;
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (!task.IsCompleted)
        {
            try
            {
                await CodeUnderTest.Finish(task, "ReadFrameAsync to refuse the frame");
            }
            catch (Exception e) when (e is not GradingException and not NotImplementedException)
            {
            }
            allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - beforeTotal - 16 * 1024 * 1024);
        }
        return (task.Exception?.InnerExceptions[0], allocated);
    }

    [Fact(DisplayName = "A cut-off prefix says how many bytes were missing")]
    public async Task A_cut_off_prefix_says_how_many_bytes_were_missing()
    {
        var stream = ScriptedStream.Of([0x00, 0x00]);

        var e = await Expect.Throws<TruncatedMessageException>(CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(stream)),
            "the stream ended after 2 of the prefix's 4 bytes: end of stream inside a frame is an error, not the normal end");
        Assert.True(e.BytesMissing == 2 && e.BytesReceived == 2,
            $"TruncatedMessageException says {e.BytesReceived} received, {e.BytesMissing?.ToString() ?? "null"} missing; the prefix had 2 of its 4 bytes, 2 missing.");
    }

    [Fact(DisplayName = "A cut-off payload says how many bytes were missing")]
    public async Task A_cut_off_payload_says_how_many_bytes_were_missing()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.Chunks(3));

        var reading = CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(new NetworkStream(pair.Learner, ownsSocket: false)));
        await pair.Grader.SendAsync(new byte[] { 0x00, 0x00, 0x00, 0x0A, 1, 2, 3, 4, 5, 6, 7 });
        pair.Grader.ShutdownSend();

        var e = await Expect.Throws<TruncatedMessageException>(reading,
            "the prefix announced 10 bytes, 7 came, then end of stream: the frame was cut off");
        Assert.True(e.BytesMissing == 3 && e.BytesReceived == 7,
            $"TruncatedMessageException says {e.BytesReceived} received, {e.BytesMissing?.ToString() ?? "null"} missing; the payload had 7 of its 10 bytes, 3 missing.");
    }

    [Fact(DisplayName = "Writing a frame over the limit sends nothing")]
    public async Task Writing_a_frame_over_the_limit_sends_nothing()
    {
        var output = new MemoryStream();

        await Expect.Throws<FrameTooLargeException>(
            CodeUnderTest.Start(() => LengthPrefixedFrames.WriteFrameAsync(output, new byte[101], maxFrameBytes: 100)),
            "101 bytes with maxFrameBytes: 100; the reader would refuse it, so do not send it");
        Assert.True(output.Length == 0, $"A refused frame must not be sent, not even its prefix; the stream holds {Show.Bytes(output.ToArray())}.");
    }

    [Fact(DisplayName = "A read waiting for a frame can be cancelled")]
    public async Task A_read_waiting_for_a_frame_can_be_cancelled()
    {
        using var pair = await ConnectedPair.OpenAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var reading = CodeUnderTest.Start(() =>
            LengthPrefixedFrames.ReadFrameAsync(new NetworkStream(pair.Learner, ownsSocket: false), cancellationToken: cancel.Token));
        await pair.Grader.SendAsync(new byte[] { 0x00, 0x00, 0x00, 0x08, 1, 2 });

        await Expect.Throws<OperationCanceledException>(reading,
            "the token was cancelled after 200 ms while 6 of the frame's 8 payload bytes were missing; pass the token to every read");
    }

    private static byte[] Frame(byte[] payload) =>
        [(byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];
}
