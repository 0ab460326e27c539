using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Framing.Tests;

// Bad arguments fail at once with an ArgumentException that names the parameter, before anything is read, written or
// bound. Found by mutation testing (.ci/mutation): removing any of these checks went unnoticed before.

/// <summary>Step 1: LineReader and LineWriter refuse a missing stream, a limit below one byte and a null line.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "1")]
public sealed class Step1_LineReaderWriterArgumentTests
{
    [Fact(DisplayName = "A null stream or socket is an ArgumentNullException")]
    public void A_null_stream_or_socket_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => new LineReader((Stream)null!),
            "new LineReader((Stream)null) has nothing to read; check the argument in the constructor (ArgumentNullException.ThrowIfNull), " +
            "not at the first ReadLineAsync, far from the mistake");
        Expect.Throws<ArgumentNullException>(() => new LineReader((Socket)null!), "new LineReader((Socket)null) has nothing to read");
        Expect.Throws<ArgumentNullException>(() => new LineWriter((Stream)null!),
            "new LineWriter((Stream)null) has nowhere to write; check the argument in the constructor");
        Expect.Throws<ArgumentNullException>(() => new LineWriter((Socket)null!), "new LineWriter((Socket)null) has nowhere to write");
    }

    [Theory(DisplayName = "A limit below one byte is an ArgumentOutOfRangeException")]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_limit_below_one_byte_is_an_ArgumentOutOfRangeException(int maxLineBytes)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => new LineReader(new MemoryStream(), maxLineBytes),
            $"new LineReader(stream, maxLineBytes: {maxLineBytes}): no line but the empty one could ever be read " +
            "(ArgumentOutOfRangeException.ThrowIfNegativeOrZero)");
        Expect.Throws<ArgumentOutOfRangeException>(() => new LineWriter(new MemoryStream(), maxLineBytes),
            $"new LineWriter(stream, maxLineBytes: {maxLineBytes}): no line but the empty one could ever be sent");
    }

    [Fact(DisplayName = "A null line is an ArgumentNullException for the parameter line")]
    public async Task A_null_line_is_an_ArgumentNullException_for_the_parameter_line()
    {
        var output = new MemoryStream();
        var writer = new LineWriter(output);

        var e = await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => writer.WriteLineAsync(null!)),
            "WriteLineAsync(null) has no line to send");
        Assert.True(e.ParamName == "line",
            $"The ArgumentNullException names the parameter {Show.Text(e.ParamName)}; WriteLineAsync's parameter is \"line\". " +
            "An exception that names a parameter of some method inside yours sends the caller looking in the wrong place: " +
            "check it yourself first (ArgumentNullException.ThrowIfNull(line)).");
        Assert.True(output.Length == 0, $"Nothing may be sent for a null line; the stream holds {Show.Bytes(output.ToArray())}.");
    }
}

/// <summary>Step 2: LengthPrefixedFrames refuses a missing stream.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "2")]
public sealed class Step2_LengthPrefixedFramesArgumentTests
{
    [Fact(DisplayName = "A null stream is an ArgumentNullException")]
    public async Task A_null_stream_is_an_ArgumentNullException()
    {
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => LengthPrefixedFrames.WriteFrameAsync(null!, new byte[] { 1 })),
            "WriteFrameAsync(null, …) has nowhere to write; check the argument first (ArgumentNullException.ThrowIfNull)");
        await Expect.Throws<ArgumentNullException>(CodeUnderTest.Start(() => LengthPrefixedFrames.ReadFrameAsync(null!)),
            "ReadFrameAsync(null) has nothing to read");
    }
}

/// <summary>Step 3: LineFramer and PipelinedLineServer refuse what they cannot work with.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
public sealed class Step3_FramerAndServerArgumentTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;

    [Theory(DisplayName = "TryReadLine with a limit below one byte is an ArgumentOutOfRangeException")]
    [InlineData(0)]
    [InlineData(-1)]
    public void TryReadLine_with_a_limit_below_one_byte_is_an_ArgumentOutOfRangeException(int maxLineBytes)
    {
        var buffer = Wire.Sequence(Wire.Utf8("\nabc\n"));

        Expect.Throws<ArgumentOutOfRangeException>(() => LineFramer.TryReadLine(ref buffer, maxLineBytes, out _),
            $"TryReadLine(ref buffer, maxLineBytes: {maxLineBytes}, …) on \"\\nabc\\n\": a limit below one byte is the caller's mistake, " +
            "reported as such (ArgumentOutOfRangeException.ThrowIfNegativeOrZero), not as a line that is too long or an empty line");
    }

    [Fact(DisplayName = "Start with a null endpoint or reply is an ArgumentNullException")]
    public void Start_with_a_null_endpoint_or_reply_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => StartAndStop(null!, line => line, FramingLimits.DefaultMaxLineBytes),
            "Start(null, …) has nowhere to listen");
        Expect.Throws<ArgumentNullException>(() => StartAndStop(AnyPort, null!, FramingLimits.DefaultMaxLineBytes),
            "Start(endpoint, null) would accept clients and have nothing to answer them with: refuse it before listening");
    }

    [Theory(DisplayName = "Start with a limit below one byte is an ArgumentOutOfRangeException")]
    [InlineData(0)]
    [InlineData(-1)]
    public void Start_with_a_limit_below_one_byte_is_an_ArgumentOutOfRangeException(int maxLineBytes)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => StartAndStop(AnyPort, line => line, maxLineBytes),
            $"Start(endpoint, reply, maxLineBytes: {maxLineBytes}) would refuse every line but the empty one: refuse it before listening");
    }

    // A server that starts although it should not is stopped again, so a wrong answer leaves nothing running.
    private static void StartAndStop(IPEndPoint endpoint, Func<string, string> reply, int maxLineBytes) =>
        PipelinedLineServer.Start(endpoint, reply, maxLineBytes).StopAsync().Wait(Deadlines.Default);
}
