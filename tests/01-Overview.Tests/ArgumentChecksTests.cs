using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Overview.Tests;

// Bad arguments fail at once with an ArgumentException, a caller's own cancellation is not an outcome, and the errors
// say what was wrong. Found by mutation testing (.ci/mutation): removing any of these checks went unnoticed before.

/// <summary>Step 1: FirstSockets checks its arguments and tells a cancellation from a timeout.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "1")]
public sealed class Step1_FirstSocketsArgumentTests
{
    [Fact(DisplayName = "A null address or socket is an ArgumentNullException")]
    public void A_null_address_or_socket_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => FirstSockets.ListenOnAnyPort(null!).Dispose(),
            "ListenOnAnyPort(null) has no address to bind");
        Expect.Throws<ArgumentNullException>(() => FirstSockets.ChosenPort(null!),
            "ChosenPort(null) has no socket to ask");
    }

    [Fact(DisplayName = "A timeout of zero is an ArgumentOutOfRangeException")]
    public async Task A_timeout_of_zero_is_an_ArgumentOutOfRangeException()
    {
        using var listener = LoopbackListener.Start();
        await Expect.Throws<ArgumentOutOfRangeException>(CodeUnderTest.Start(() => FirstSockets.ProbeAsync(listener.EndPoint, TimeSpan.Zero)),
            "a probe that may wait no time at all cannot succeed: say so rather than report TimedOut");
    }

    [Fact(DisplayName = "The caller's own cancellation is an OperationCanceledException, not TimedOut")]
    public async Task The_callers_own_cancellation_is_an_OperationCanceledException_not_TimedOut()
    {
        using var listener = LoopbackListener.Start();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Expect.Throws<OperationCanceledException>(
            CodeUnderTest.Start(() => FirstSockets.ProbeAsync(listener.EndPoint, Deadlines.Default, cancelled.Token)),
            "the caller cancelled before the probe began: that is the caller's decision, not an outcome of the probe, so it is " +
            "not TimedOut (catch OperationCanceledException only when your own deadline fired)");
    }
}

/// <summary>Step 2: the endpoint text API refuses a null host, and its errors quote the text.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "2")]
public sealed class Step2_EndpointTextArgumentTests
{
    [Fact(DisplayName = "Format with a null host is an ArgumentNullException")]
    public void Format_with_a_null_host_is_an_ArgumentNullException()
    {
        Expect.Throws<ArgumentNullException>(() => EndpointText.Format(null!, 80), "Format(null, 80) has no host to write");
    }

    [Fact(DisplayName = "A format error quotes the text, and a port error gives the range")]
    public void A_format_error_quotes_the_text_and_a_port_error_gives_the_range()
    {
        var error = Expect.Throws<EndpointFormatException>(() => EndpointText.Parse("1.2.3:80"), "\"1.2.3\" has three numbers, not four");
        Assert.True(error.Message.Contains("1.2.3", StringComparison.Ordinal),
            $"The message was {Show.Text(error.Message)}: quote the text that failed, so the reader can find it.");
        var range = Expect.Throws<ArgumentOutOfRangeException>(() => EndpointText.Format("localhost", 70000), "70000 is not a port");
        Assert.True(range.Message.Contains("65535", StringComparison.Ordinal),
            $"The message was {Show.Text(range.Message)}: say what the range is (0–65535).");
    }
}

/// <summary>Step 3: the layer mapping says why a layer does not exist.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "3")]
public sealed class Step3_LayerArgumentTests
{
    [Fact(DisplayName = "A layer that does not exist is explained")]
    public void A_layer_that_does_not_exist_is_explained()
    {
        var error = Expect.Throws<ArgumentOutOfRangeException>(() => ProtocolLayers.ToTcpIp((OsiLayer)8), "the OSI model has no layer 8");
        Assert.True(error.Message.Contains('7'),
            $"The message was {Show.Text(error.Message)}: say that the OSI model has seven layers, numbered 1 to 7.");
    }
}
