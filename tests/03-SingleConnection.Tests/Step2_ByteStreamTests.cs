using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 2: whole messages over a byte stream — send all, read to end of stream.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "2")]
public sealed class Step2_ByteStreamTests
{
    [Fact(DisplayName = "A message arriving one byte at a time is read whole")]
    public async Task A_message_arriving_one_byte_at_a_time_is_read_whole()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.OneByteAtATime);
        var message = Encoding.UTF8.GetBytes("hello, socket");

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner));
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            await pair.Grader.SendAsync(message);
            pair.Grader.ShutdownSend();
        });
        var received = await CodeUnderTest.Finish(reading, "ReadToEndAsync to return after the grader half-closed",
            hint: "It should return when a Receive returns 0 bytes. " + Explain.EndOfStream);

        Assert.True(received.AsSpan().SequenceEqual(message),
            $"Sent {Show.Bytes(message)} one byte per write; ReadToEndAsync returned {Show.Bytes(received)}. {Explain.Difference(message, received)}");
    }

    [Fact(DisplayName = "A message longer than 1024 bytes is read whole")]
    public async Task A_message_longer_than_1024_bytes_is_read_whole()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var message = new byte[5000];
        for (var i = 0; i < message.Length; i++) message[i] = (byte)('a' + i % 26);

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner));
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            await pair.Grader.SendInChunksAsync(message, 700);
            pair.Grader.ShutdownSend();
        });
        var received = await CodeUnderTest.Finish(reading, "ReadToEndAsync to return a 5000-byte message");

        Assert.True(received.Length == message.Length && received.AsSpan().SequenceEqual(message),
            $"Sent 5000 bytes in writes of 700; got {Show.Bytes(received)}. {Explain.Difference(message, received)}");
    }

    [Fact(DisplayName = "An empty message is an empty array")]
    public async Task An_empty_message_is_an_empty_array()
    {
        using var pair = await ConnectedPair.OpenAsync();

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner));
        pair.Grader.ShutdownSend();
        var received = await CodeUnderTest.Finish(reading, "ReadToEndAsync to return for a peer that sent nothing and half-closed",
            hint: Explain.EndOfStream);

        Assert.True(received.Length == 0, $"Nothing was sent, yet ReadToEndAsync returned {Show.Bytes(received)}.");
    }

    [Fact(DisplayName = "More than the limit is an InvalidDataException")]
    public async Task More_than_the_limit_is_an_InvalidDataException()
    {
        using var pair = await ConnectedPair.OpenAsync();

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner, maxBytes: 100));
        await pair.Grader.SendAsync(new byte[101]);
        pair.Grader.ShutdownSend();

        await Expect.Throws<InvalidDataException>(reading,
            "101 bytes were sent with maxBytes: 100; every read needs a size limit so a peer cannot exhaust memory");
    }

    [Fact(DisplayName = "Exactly the limit is accepted")]
    public async Task Exactly_the_limit_is_accepted()
    {
        using var pair = await ConnectedPair.OpenAsync();

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner, maxBytes: 100));
        await pair.Grader.SendAsync(new byte[100]);
        pair.Grader.ShutdownSend();
        var received = await CodeUnderTest.Finish(reading, "ReadToEndAsync to accept a message of exactly maxBytes");

        Assert.Equal(100, received.Length);
    }

    [Fact(DisplayName = "A peer that resets mid-message is an error, not a short message")]
    public async Task A_peer_that_resets_mid_message_is_an_error_not_a_short_message()
    {
        using var pair = await ConnectedPair.OpenAsync();

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner));
        await pair.Grader.SendAsync("half a mess");
        await Task.Delay(50);
        pair.Grader.Reset();

        await Expect.Throws<SocketException>(reading,
            "the peer reset the connection before finishing; returning the bytes so far would pass off a cut message as whole. " + Explain.ConnectionReset);
    }

    [Fact(DisplayName = "A peer that never closes can be given up on")]
    public async Task A_peer_that_never_closes_can_be_given_up_on()
    {
        using var pair = await ConnectedPair.OpenAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner, cancellationToken: cancel.Token));
        await pair.Grader.SendAsync("no end of stream follows");

        await Expect.Throws<OperationCanceledException>(reading,
            "the token was cancelled after 200 ms while the peer kept the connection open; pass the token to every ReceiveAsync");
    }

    [Fact(DisplayName = "A send to a peer that does not read can be given up on")]
    public async Task A_send_to_a_peer_that_does_not_read_can_be_given_up_on()
    {
        // Flow control: the grader never reads, so its receive buffer and then the learner's send buffer fill
        // (both asked small), and SendAsync cannot complete. Only the token can end that wait.
        using var pair = await ConnectedPair.OpenAsync();
        pair.Grader.Socket.ReceiveBufferSize = 16 * 1024;
        pair.Learner.SendBufferSize = 16 * 1024;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var sending = CodeUnderTest.Start(() => ByteStream.SendAllAsync(pair.Learner, new byte[16 * 1024 * 1024], cancel.Token));

        await Expect.Throws<OperationCanceledException>(sending,
            "16 MiB went to a peer that never reads: once both buffers are full, SendAsync waits (flow control), and the token " +
            "was cancelled after 300 ms; pass the token to every SendAsync");
    }

    [Fact(DisplayName = "SendAll delivers every byte of a large message")]
    public async Task SendAll_delivers_every_byte_of_a_large_message()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var message = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(message);

        var sending = CodeUnderTest.Start(async () =>
        {
            await ByteStream.SendAllAsync(pair.Learner, message);
            pair.Learner.Shutdown(SocketShutdown.Send);
        });
        var received = await CodeUnderTest.WhileRunning(sending,
            () => pair.Grader.ReadToEndAsync("all 3 MiB sent by SendAllAsync, then end of stream", maxBytes: message.Length));
        await CodeUnderTest.Finish(sending, "SendAllAsync to finish");

        Assert.True(received.AsSpan().SequenceEqual(message),
            $"Sent {message.Length} bytes with SendAllAsync; the peer received {received.Length}. One Send may take only part of the data: loop on what it returns.");
    }

    [Fact(DisplayName = "Text split inside a character is decoded whole")]
    public async Task Text_split_inside_a_character_is_decoded_whole()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.OneByteAtATime);
        const string message = "你好，套接字 (socket) 👋";

        var reading = CodeUnderTest.Start(() => ByteStream.ReadTextToEndAsync(pair.Learner));
        await CodeUnderTest.WhileRunning(reading, async () =>
        {
            await pair.Grader.SendAsync(message);
            pair.Grader.ShutdownSend();
        });
        var text = await CodeUnderTest.Finish(reading, "ReadTextToEndAsync to return after the grader half-closed");

        Assert.True(text == message,
            $"Sent {Show.Text(message)} one byte per write; decoded {Show.Text(text)}. A Chinese character is 3 bytes in UTF-8: " +
            "decoding each Receive separately turns split characters into U+FFFD. Decode once, after the last byte.");
    }

    [Fact(DisplayName = "Invalid UTF-8 is an InvalidDataException")]
    public async Task Invalid_UTF8_is_an_InvalidDataException()
    {
        using var pair = await ConnectedPair.OpenAsync();

        var reading = CodeUnderTest.Start(() => ByteStream.ReadTextToEndAsync(pair.Learner));
        await pair.Grader.SendAsync(new byte[] { (byte)'o', (byte)'k', 0xC3, 0x28 });
        pair.Grader.ShutdownSend();

        await Expect.Throws<InvalidDataException>(reading,
            "the bytes 6f 6b c3 28 are not valid UTF-8; silently replacing them would corrupt the message");
    }
}
