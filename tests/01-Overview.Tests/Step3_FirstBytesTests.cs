using System.Net.Http;
using System.Text;

namespace SocketCourse.Overview.Tests;

/// <summary>
/// Step 3: observing the application layer. The grader captures what real clients send (HttpClient, SslStream, a DNS
/// query in a UDP datagram) on loopback, hands the bytes to Identify, and checks the answer.
/// </summary>
[Trait("Lesson", "01")]
[Trait("Step", "3")]
public sealed class Step3_FirstBytesTests
{
    [Theory(DisplayName = "An HTTP request from HttpClient is recognised")]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("HEAD")]
    [InlineData("DELETE")]
    public async Task An_HTTP_request_from_HttpClient_is_recognised(string method)
    {
        ExpectEmptyIsUnknown();
        var bytes = await Captured.HttpRequestAsync(new HttpMethod(method));

        AssertIdentified(bytes, WireProtocol.HttpRequest,
            $"HttpClient sent this {method} request: HTTP/1.1 is text, and its first word is the method, then a space");
    }

    [Fact(DisplayName = "A TLS ClientHello from SslStream is recognised")]
    public async Task A_TLS_ClientHello_from_SslStream_is_recognised()
    {
        ExpectEmptyIsUnknown();
        var bytes = await Captured.TlsClientHelloAsync();

        AssertIdentified(bytes, WireProtocol.TlsClientHello,
            "SslStream opened a TLS connection: its first record is a handshake (0x16), version 3.x (0x03 0x0n), " +
            "and the handshake message at byte 5 is a ClientHello (0x01). HTTPS starts exactly like this, so no text is visible");
    }

    [Theory(DisplayName = "A DNS query in a UDP datagram is recognised")]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_DNS_query_in_a_UDP_datagram_is_recognised(bool withEdns)
    {
        ExpectEmptyIsUnknown();
        var bytes = await Captured.DnsQueryAsync(withEdns);

        AssertIdentified(bytes, WireProtocol.DnsQuery,
            $"a query for example.com arrived as one UDP datagram: QR bit 0, opcode 0, one question, no answers" +
            (withEdns ? ", and one additional (EDNS) record" : ""));
    }

    public static TheoryData<string, byte[], string> NotARecognisedStart() => new()
    {
        { "no bytes at all", [], "nothing arrived yet: nothing to tell" },
        { "\"GE\"", "GE"u8.ToArray(), "two bytes are too few to be sure of anything" },
        { "a lower-case method", "get / HTTP/1.1\r\n\r\n"u8.ToArray(), "HTTP methods are case-sensitive: \"get\" is not GET" },
        { "a method without a space", "GETX / HTTP/1.1\r\n\r\n"u8.ToArray(), "a method is followed by a space" },
        { "an HTTP response", "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(), "a server's answer, not a client's request" },
        { "an SSH banner", "SSH-2.0-OpenSSH_9.6\r\n"u8.ToArray(), "SSH is text too, but none of the three" },
        { "a TLS alert", [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28], "record type 0x15 is an alert, not a handshake" },
        { "a TLS ServerHello", [0x16, 0x03, 0x03, 0x00, 0x4a, 0x02, 0x00], "a handshake, but message type 0x02 is the server's hello" },
        { "a cut-off TLS record header", [0x16, 0x03, 0x01, 0x00, 0xf1], "five bytes: the message type at byte 5 is not there yet" },
        { "a DNS response", Captured.DnsMessage(0x2b7e, flags: 0x8180, answers: 1, withEdns: false), "the QR bit is set: an answer, not a question" },
        { "a DNS response with no answers (name not found)", Captured.DnsMessage(0x2b7e, flags: 0x8183, answers: 0, withEdns: false),
          "the counts look like a query's, but the QR bit (the top bit of byte 2) is set: it is a response" },
        { "a DNS status query", Captured.DnsMessage(0x2b7e, flags: 0x1000, answers: 0, withEdns: false), "opcode 2 (status), not a standard query" },
        { "a DNS header alone", Captured.DnsMessage(0x2b7e, flags: 0x0100, answers: 0, withEdns: false)[..12], "12 bytes: the question is missing" },
    };

    [Theory(DisplayName = "Anything else is Unknown")]
    [MemberData(nameof(NotARecognisedStart))]
    public void Anything_else_is_Unknown(string what, byte[] bytes, string why)
    {
        AssertIdentified(bytes, WireProtocol.Unknown, $"{what}: {why}");
    }

    private static void ExpectEmptyIsUnknown()
    {
        var empty = FirstBytes.Identify([]);
        Assert.True(empty == WireProtocol.Unknown, $"Identify of no bytes returned {empty}; with nothing received there is nothing to tell: Unknown.");
    }

    private static void AssertIdentified(byte[] bytes, WireProtocol expected, string why)
    {
        var actual = FirstBytes.Identify(bytes);

        Assert.True(actual == expected,
            $"Identify returned {actual}, expected {expected}: {why}.\n" +
            $"The {bytes.Length} bytes: {Show.Bytes(bytes, 48)}" +
            (LooksLikeText(bytes) ? $"\nAs text: {Show.Text(Encoding.ASCII.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 60))))}" : ""));
    }

    private static bool LooksLikeText(byte[] bytes) => bytes.Length > 0 && bytes.Take(16).All(b => b is >= 0x20 and < 0x7f or (byte)'\r' or (byte)'\n');
}
