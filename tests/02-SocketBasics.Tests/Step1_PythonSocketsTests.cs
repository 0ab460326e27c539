using System.Net.Sockets;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 1: Python's socket.socket(family, type, proto) mapped to new Socket(AddressFamily, SocketType, ProtocolType).</summary>
[Trait("Lesson", "02")]
[Trait("Step", "1")]
public sealed class Step1_PythonSocketsTests
{
    public static TheoryData<string, string, int, AddressFamily, SocketType, ProtocolType> ValidCombinations => new()
    {
        { "AF_INET", "SOCK_STREAM", 0, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp },
        { "AF_INET", "SOCK_STREAM", 6, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp },
        { "AF_INET", "SOCK_DGRAM", 0, AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp },
        { "AF_INET", "SOCK_DGRAM", 17, AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp },
        { "AF_INET6", "SOCK_STREAM", 0, AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp },
        { "AF_INET6", "SOCK_DGRAM", 17, AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp },
        { "AF_UNIX", "SOCK_STREAM", 0, AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified },
        { "AF_UNIX", "SOCK_DGRAM", 0, AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified },
    };

    [Theory(DisplayName = "Describe maps Python's names to .NET's")]
    [MemberData(nameof(ValidCombinations))]
    public void Describe_maps_Python_names_to_NET_ones(string family, string type, int proto,
        AddressFamily expectedFamily, SocketType expectedType, ProtocolType expectedProtocol)
    {
        var spec = PythonSockets.Describe(family, type, proto);

        var expected = new SocketSpec(expectedFamily, expectedType, expectedProtocol);
        Assert.True(spec == expected,
            $"socket.socket({family}, {type}, {proto}) maps to {Describe(expected)}; Describe returned {Describe(spec)}. {WhyProtocol(family, proto)}");
    }

    [Theory(DisplayName = "Create makes a socket of that family, type and protocol")]
    [MemberData(nameof(ValidCombinations))]
    public void Create_makes_a_socket_of_that_family_type_and_protocol(string family, string type, int proto,
        AddressFamily expectedFamily, SocketType expectedType, ProtocolType expectedProtocol)
    {
        using var socket = PythonSockets.Create(family, type, proto);

        Assert.True(socket.AddressFamily == expectedFamily && socket.SocketType == expectedType && socket.ProtocolType == expectedProtocol,
            $"socket.socket({family}, {type}, {proto}) should give a socket with {Describe(new(expectedFamily, expectedType, expectedProtocol))}; " +
            $"Create gave {Describe(new(socket.AddressFamily, socket.SocketType, socket.ProtocolType))}. {WhyProtocol(family, proto)}");
    }

    [Fact(DisplayName = "No arguments means an IPv4 TCP socket, as in Python")]
    public void No_arguments_means_an_IPv4_TCP_socket_as_in_Python()
    {
        using var socket = PythonSockets.Create();

        Assert.True(socket is { AddressFamily: AddressFamily.InterNetwork, SocketType: SocketType.Stream, ProtocolType: ProtocolType.Tcp },
            $"Python's socket.socket() with no arguments is AF_INET, SOCK_STREAM, proto 0: an IPv4 TCP socket. Create() gave " +
            $"{Describe(new(socket.AddressFamily, socket.SocketType, socket.ProtocolType))}.");
    }

    [Fact(DisplayName = "A created UDP socket really carries datagrams")]
    public async Task A_created_UDP_socket_really_carries_datagrams()
    {
        using var socket = PythonSockets.Create("AF_INET", "SOCK_DGRAM");
        using var peer = UdpPeer.Open();

        socket.Bind(Loopback.AnyPort);
        await socket.SendToAsync("ping"u8.ToArray().AsMemory(), SocketFlags.None, peer.EndPoint).AsTask().Within(Deadlines.Short, "SendTo on a UDP socket");
        var (data, from) = await peer.ReceiveFromAsync("the datagram sent from the socket Create returned");
        Assert.Equal("ping"u8.ToArray(), data);
        Assert.Equal(socket.LocalEndPoint, from);
    }

    public static TheoryData<string, string, int, string, string[]> InvalidCombinations => new()
    {
        // family, type, proto, the parameter at fault, what the message must mention
        { "AF_BLUETOOTH", "SOCK_STREAM", 0, "family", ["AF_BLUETOOTH", "AF_INET", "AF_UNIX"] },
        { "InterNetwork", "SOCK_STREAM", 0, "family", ["InterNetwork", "AF_INET"] },
        { "", "SOCK_STREAM", 0, "family", ["AF_INET"] },
        { "AF_INET", "SOCK_RAW", 0, "type", ["SOCK_RAW", "SOCK_STREAM", "SOCK_DGRAM"] },
        { "AF_INET", "SOCK_SEQPACKET", 0, "type", ["SOCK_SEQPACKET", "SOCK_STREAM"] },
        { "AF_INET", "Stream", 0, "type", ["Stream", "SOCK_STREAM"] },
        { "AF_INET", "SOCK_STREAM", 17, "proto", ["17"] },
        { "AF_INET", "SOCK_DGRAM", 6, "proto", ["6"] },
        { "AF_INET6", "SOCK_DGRAM", 6, "proto", ["6"] },
        { "AF_INET", "SOCK_STREAM", 1, "proto", ["1"] },
        { "AF_INET", "SOCK_STREAM", -1, "proto", ["-1"] },
        { "AF_UNIX", "SOCK_STREAM", 6, "proto", ["6"] },
        { "AF_UNIX", "SOCK_DGRAM", 17, "proto", ["17"] },
    };

    [Theory(DisplayName = "Describe rejects what does not fit, naming the argument")]
    [MemberData(nameof(InvalidCombinations))]
    public void Describe_rejects_what_does_not_fit_naming_the_argument(string family, string type, int proto, string paramName, string[] mentions)
    {
        var error = Expect.Throws<ArgumentException>(() => PythonSockets.Describe(family, type, proto),
            $"socket.socket(\"{family}\", \"{type}\", {proto}) is not a combination this course supports");

        CheckTheError(error, family, type, proto, paramName, mentions);
    }

    [Theory(DisplayName = "Create rejects what does not fit, before making a socket")]
    [MemberData(nameof(InvalidCombinations))]
    public void Create_rejects_what_does_not_fit_before_making_a_socket(string family, string type, int proto, string paramName, string[] mentions)
    {
        var error = Expect.Throws<ArgumentException>(() => PythonSockets.Create(family, type, proto).Dispose(),
            $"socket.socket(\"{family}\", \"{type}\", {proto}) is not a combination this course supports; " +
            "check the arguments before new Socket(...), whose own SocketException (\"Protocol not supported\") names nothing");

        CheckTheError(error, family, type, proto, paramName, mentions);
    }

    [Fact(DisplayName = "A null name is an ArgumentException too")]
    public void A_null_name_is_an_ArgumentException_too()
    {
        Expect.Throws<ArgumentException>(() => PythonSockets.Describe(null!, "SOCK_STREAM"), "family is null");
        Expect.Throws<ArgumentException>(() => PythonSockets.Describe("AF_INET", null!), "type is null");
    }

    private static void CheckTheError(ArgumentException error, string family, string type, int proto, string paramName, string[] mentions)
    {
        var call = $"socket.socket(\"{family}\", \"{type}\", {proto})";
        Assert.True(error.ParamName == paramName,
            $"{call} is wrong because of its {paramName} argument, but the ArgumentException's ParamName is " +
            $"{(error.ParamName is null ? "null" : $"\"{error.ParamName}\"")}. Pass nameof({paramName}) so the caller knows which argument to fix.");
        foreach (var word in mentions)
            Assert.True(error.Message.Contains(word, StringComparison.Ordinal),
                $"The message for {call} should mention \"{word}\" (what was given and what is allowed); it was: {Show.Text(error.Message)}");
    }

    private static string Describe(SocketSpec s) =>
        $"({s.Family}, {s.Type}, {(s.Protocol == ProtocolType.Unspecified ? "Unspecified (0)" : s.Protocol.ToString())})";

    private static string WhyProtocol(string family, int proto) =>
        family == "AF_UNIX"
            ? "A Unix-domain socket has no IP protocol: ProtocolType.Unspecified (0)."
            : proto == 0
                ? "proto 0 asks for the type's default protocol: TCP for SOCK_STREAM, UDP for SOCK_DGRAM. Say which, explicitly: new Socket(..., ProtocolType.Unspecified) works but reports ProtocolType.IP, not Tcp or Udp."
                : "6 is IPPROTO_TCP and 17 is IPPROTO_UDP.";
}
