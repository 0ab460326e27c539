using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SingleConnection.Tests;

// Bad arguments fail at once with an ArgumentException naming the problem, and the errors the docs promise say what
// went wrong. Found by mutation testing (.ci/mutation): removing any of these checks went unnoticed before.

/// <summary>Step 1: ListeningSocket.Open refuses a missing endpoint.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "1")]
public sealed class Step1_ListeningSocketArgumentTests
{
    [Fact(DisplayName = "A null endpoint is an ArgumentNullException")]
    public void A_null_endpoint_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => ListeningSocket.Open(null!).Dispose(),
            "Open(null) has nothing to bind; check the argument first (ArgumentNullException.ThrowIfNull) rather than fail inside Socket");
    }
}

/// <summary>Step 2: ByteStream checks its arguments and its errors explain themselves.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "2")]
public sealed class Step2_ByteStreamArgumentTests
{
    [Fact(DisplayName = "A null socket is an ArgumentNullException")]
    public async Task A_null_socket_is_an_ArgumentNullException()
    {
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => ByteStream.SendAllAsync(null!, new byte[] { 1 })),
            "SendAllAsync(null, …) has no socket to send on");
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(null!)),
            "ReadToEndAsync(null) has no socket to read from");
    }

    [Fact(DisplayName = "A negative limit is an ArgumentOutOfRangeException")]
    public async Task A_negative_limit_is_an_ArgumentOutOfRangeException()
    {
        using var pair = await ConnectedPair.OpenAsync();
        await Expect.Throws<ArgumentOutOfRangeException>(CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner, maxBytes: -1)),
            "a limit of -1 bytes is a caller's mistake, reported before anything is read (ArgumentOutOfRangeException.ThrowIfNegative)");
    }

    [Fact(DisplayName = "The size error says what the limit was")]
    public async Task The_size_error_says_what_the_limit_was()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var reading = CodeUnderTest.Start(() => ByteStream.ReadToEndAsync(pair.Learner, maxBytes: 10));
        await pair.Grader.SendAsync("0123456789+");
        pair.Grader.ShutdownSend();

        var error = await Expect.Throws<InvalidDataException>(reading, "11 bytes arrived with a limit of 10");
        Assert.True(error.Message.Contains("10", StringComparison.Ordinal),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say what went wrong and name the limit (10 bytes here), " +
            "so whoever reads the log knows what to change.");
    }

    [Fact(DisplayName = "The UTF-8 error says the text was not UTF-8")]
    public async Task The_UTF8_error_says_the_text_was_not_UTF8()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var reading = CodeUnderTest.Start(() => ByteStream.ReadTextToEndAsync(pair.Learner));
        await pair.Grader.SendAsync(new byte[] { (byte)'o', (byte)'k', 0xC3, 0x28 });
        pair.Grader.ShutdownSend();

        var error = await Expect.Throws<InvalidDataException>(reading, "the bytes 6f 6b c3 28 are not valid UTF-8");
        Assert.True(error.Message.Contains("UTF", StringComparison.OrdinalIgnoreCase),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say that the bytes were not valid UTF-8, " +
            "so the problem is not mistaken for a size or connection error.");
    }
}

/// <summary>Step 3: OneShotServer refuses a missing listener or reply function.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "3")]
public sealed class Step3_OneShotServerArgumentTests
{
    [Fact(DisplayName = "A null listener or reply is an ArgumentNullException")]
    public async Task A_null_listener_or_reply_is_an_ArgumentNullException()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => OneShotServer.ServeOnceAsync(null!, m => m)),
            "ServeOnceAsync(null, …) has no listener to accept on");
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => OneShotServer.ServeOnceAsync(listener, null!)),
            "ServeOnceAsync(listener, null) could never reply: refuse it before accepting a client", Deadlines.Short);
    }
}

/// <summary>Step 4: OneShotClient refuses a missing server or message.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "4")]
public sealed class Step4_OneShotClientArgumentTests
{
    [Fact(DisplayName = "A null server or message is an ArgumentNullException")]
    public async Task A_null_server_or_message_is_an_ArgumentNullException()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(null!, "hi")),
            "ExchangeAsync(null, …) has no server to connect to");
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(listener.LocalEndPoint!, null!)),
            "ExchangeAsync(server, null) has no message to send");
        Assert.False(listener.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead),
            "ExchangeAsync(server, null) connected to the server before failing. Check the arguments first, so a bad call " +
            "never opens a connection the server then has to deal with.");
    }
}
