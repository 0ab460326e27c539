using System.Net;

namespace SocketCourse.SocketBasics.Tests;

// Bad arguments fail at once with an ArgumentException, before any socket is opened. Found by mutation testing
// (.ci/mutation, 26 November 2026): removing any of these checks from the reference solution went unnoticed before.

/// <summary>Step 1: Describe refuses a missing family or type.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "1")]
public sealed class Step1_PythonSocketsArgumentTests
{
    [Fact(DisplayName = "A null family or type is an ArgumentNullException")]
    public void A_null_family_or_type_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => PythonSockets.Describe(null!, "SOCK_STREAM"),
            "Describe(null, …) has no family to map: say which argument is missing instead of failing later");
        Expect.Throws<ArgumentNullException>(() => PythonSockets.Describe("AF_INET", null!),
            "Describe(\"AF_INET\", null) has no type to map: say which argument is missing instead of failing later");
    }
}

/// <summary>Step 2: the UDP echo server and the request refuse what they cannot work with, before opening a socket.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
public sealed class Step2_UdpArgumentTests
{
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    [Fact(DisplayName = "A null endpoint is an ArgumentNullException")]
    public void A_null_endpoint_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => Dispose(UdpEchoServer.Start(null!)), "UdpEchoServer.Start(null) has nowhere to bind");
    }

    [Theory(DisplayName = "A datagram size outside 0 to 65 507 bytes is an ArgumentOutOfRangeException")]
    [InlineData(-1)]
    [InlineData(UdpLimits.MaxPayload + 1)]
    public void A_datagram_size_outside_the_UDP_payload_is_an_ArgumentOutOfRangeException(int maxDatagramBytes)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => Dispose(UdpEchoServer.Start(AnyLoopbackPort, maxDatagramBytes)),
            $"maxDatagramBytes = {maxDatagramBytes}: a UDP payload over IPv4 is 0 to {UdpLimits.MaxPayload} bytes");
    }

    [Fact(DisplayName = "A request without a server, a time limit or a payload that fits is refused before it is sent")]
    public async Task A_request_without_a_server_a_time_limit_or_a_payload_that_fits_is_refused()
    {
        var server = new IPEndPoint(IPAddress.Loopback, 9);
        await Expect.Throws<ArgumentNullException>(UdpRequest.SendAsync(null!, new byte[1], TimeSpan.FromSeconds(1)),
            "SendAsync(null, …) has no server to send to");
        await Expect.Throws<ArgumentOutOfRangeException>(UdpRequest.SendAsync(server, new byte[1], TimeSpan.Zero),
            "a timeout of zero would give up before the datagram is sent: the wait for a reply needs a positive time limit");
        await Expect.Throws<ArgumentOutOfRangeException>(UdpRequest.SendAsync(server, new byte[UdpLimits.MaxPayload + 1], TimeSpan.FromSeconds(1)),
            $"a payload of {UdpLimits.MaxPayload + 1} bytes does not fit in one UDP datagram over IPv4");
    }

    [Fact(DisplayName = "A negative reply limit is an ArgumentOutOfRangeException")]
    public async Task A_negative_reply_limit_is_an_ArgumentOutOfRangeException()
    {
        using var server = UdpPeer.Open("the grader's server");
        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(server.EndPoint, "hi"u8.ToArray(), TimeSpan.FromSeconds(1), maxReplyBytes: -1));

        await Expect.Throws<ArgumentOutOfRangeException>(asking,
            "maxReplyBytes = -1 leaves room for no reply at all: refuse it before sending (ArgumentOutOfRangeException.ThrowIfNegative), " +
            "instead of waiting for a reply and then calling any reply too large", Deadlines.Short);
    }

    [Fact(DisplayName = "A null text is an ArgumentNullException that names text")]
    public async Task A_null_text_is_an_ArgumentNullException_that_names_text()
    {
        using var server = UdpPeer.Open("the grader's server");
        var error = await Expect.Throws<ArgumentNullException>(
            CodeUnderTest.Start(() => UdpRequest.SendTextAsync(server.EndPoint, null!, TimeSpan.FromSeconds(1))),
            "SendTextAsync(server, null, …) has no text to send", Deadlines.Short);

        Assert.True(error.ParamName == "text",
            $"The ArgumentNullException names the parameter {Show.Text(error.ParamName)}, not \"text\": it came from inside the encoder. " +
            "Check your own argument first (ArgumentNullException.ThrowIfNull(text)), so the caller is told which of its arguments was null.");
    }

    private static void Dispose(UdpEchoServer server) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>Step 3: the Unix-domain server and client refuse a missing path or message, before opening a socket.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_UnixArgumentTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    /// <inheritdoc />
    public void Dispose() => TempSocketPath.Clean(_path);

    [Fact(DisplayName = "A server without a path, or with a negative size limit, is refused")]
    public void A_server_without_a_path_or_with_a_negative_limit_is_refused()
    {
        Expect.Throws<ArgumentNullException>(() => Dispose(UnixEchoServer.Start(null!)), "UnixEchoServer.Start(null) has no file to bind");
        Expect.Throws<ArgumentException>(() => Dispose(UnixEchoServer.Start("")), "UnixEchoServer.Start(\"\") has no file to bind");
        Expect.Throws<ArgumentOutOfRangeException>(() => Dispose(UnixEchoServer.Start(_path, -1)),
            "maxMessageBytes = -1 is no limit at all: refuse it before binding");
    }

    [Fact(DisplayName = "A client without a path or a message is refused")]
    public async Task A_client_without_a_path_or_a_message_is_refused()
    {
        await Expect.Throws<ArgumentException>(UnixEchoClient.RoundTripAsync("", "hello"), "RoundTripAsync(\"\", …) has no file to connect to");
        await Expect.Throws<ArgumentNullException>(UnixEchoClient.RoundTripAsync(_path, null!), "RoundTripAsync(path, null) has nothing to send");
    }

    [Fact(DisplayName = "A client with a negative reply limit is refused")]
    public async Task A_client_with_a_negative_reply_limit_is_refused()
    {
        await using var server = UnixEchoServer.Start(_path);

        await Expect.Throws<ArgumentOutOfRangeException>(CodeUnderTest.Start(() => UnixEchoClient.RoundTripAsync(_path, "hello", maxReplyBytes: -1)),
            "maxReplyBytes = -1 is no limit at all; StreamLoops.ReadToEndAsync refuses it, and so should your own loop (ArgumentOutOfRangeException.ThrowIfNegative)");
    }

    private static void Dispose(UnixEchoServer server) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
