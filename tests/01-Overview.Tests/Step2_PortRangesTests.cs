namespace SocketCourse.Overview.Tests;

/// <summary>Step 2: the port picks the program; IANA splits the 65536 ports into three ranges.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "2")]
public sealed class Step2_PortRangesTests
{
    [Theory(DisplayName = "Classify puts each port in its IANA range")]
    [InlineData(0, PortClass.WellKnown, "0 is reserved, the first of the well-known ports")]
    [InlineData(22, PortClass.WellKnown, "SSH")]
    [InlineData(80, PortClass.WellKnown, "HTTP")]
    [InlineData(443, PortClass.WellKnown, "HTTPS")]
    [InlineData(1023, PortClass.WellKnown, "the last well-known port")]
    [InlineData(1024, PortClass.Registered, "the first registered port")]
    [InlineData(3306, PortClass.Registered, "MySQL")]
    [InlineData(8080, PortClass.Registered, "the usual 'other' HTTP port")]
    [InlineData(9999, PortClass.Registered, "the seed's server port")]
    [InlineData(49151, PortClass.Registered, "the last registered port")]
    [InlineData(49152, PortClass.Dynamic, "the first dynamic (ephemeral) port")]
    [InlineData(60000, PortClass.Dynamic, "a typical client-side port the system hands out")]
    [InlineData(65535, PortClass.Dynamic, "the largest port")]
    public void Classify_puts_each_port_in_its_IANA_range(int port, PortClass expected, string why)
    {
        var actual = PortRanges.Classify(port);

        Assert.True(actual == expected,
            $"Classify({port}) returned {actual}, expected {expected} ({why}). The ranges: well-known 0–1023, registered 1024–49151, dynamic 49152–65535.");
    }

    [Theory(DisplayName = "Classify rejects numbers that are not ports")]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(100000)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Classify_rejects_numbers_that_are_not_ports(int port)
    {
        var error = Expect.Throws<ArgumentOutOfRangeException>(() => PortRanges.Classify(port),
            $"{port} is not a port: a port is 16 bits, 0–65535");

        AssertNamesPortAndRange(error, $"Classify({port})");
    }

    [Theory(DisplayName = "Ports below 1024 are privileged by default on Linux")]
    [InlineData(0, false, "port 0 asks for any free port, which the system takes from the unprivileged range")]
    [InlineData(1, true, "1–1023 need root (or CAP_NET_BIND_SERVICE) under Linux's default setting")]
    [InlineData(22, true, "SSH's port: a normal user cannot start a server on it")]
    [InlineData(80, true, "why web servers start as root and drop privileges, or sit behind a proxy")]
    [InlineData(1023, true, "the last privileged port")]
    [InlineData(1024, false, "the first port any user may bind")]
    [InlineData(9999, false, "the seed's server runs without special rights")]
    [InlineData(65535, false, "the largest port")]
    public void Ports_below_1024_are_privileged_by_default_on_Linux(int port, bool expected, string why)
    {
        var actual = PortRanges.IsPrivilegedByDefaultOnLinux(port);

        Assert.True(actual == expected, $"IsPrivilegedByDefaultOnLinux({port}) returned {actual}, expected {expected}: {why}.");
    }

    [Theory(DisplayName = "IsPrivilegedByDefaultOnLinux rejects numbers that are not ports")]
    [InlineData(-1)]
    [InlineData(65536)]
    public void IsPrivilegedByDefaultOnLinux_rejects_numbers_that_are_not_ports(int port)
    {
        var error = Expect.Throws<ArgumentOutOfRangeException>(() => PortRanges.IsPrivilegedByDefaultOnLinux(port),
            $"{port} is not a port: a port is 16 bits, 0–65535");

        AssertNamesPortAndRange(error, $"IsPrivilegedByDefaultOnLinux({port})");
    }

    private static void AssertNamesPortAndRange(ArgumentOutOfRangeException error, string call)
    {
        Assert.True(error.ParamName == "port",
            $"{call} threw for parameter {Show.Text(error.ParamName)}; name the parameter that is wrong: new ArgumentOutOfRangeException(nameof(port), ...).");
        Assert.True(error.Message.Contains("65535", StringComparison.Ordinal),
            $"{call} threw {Show.Text(error.Message)}. Give the valid range (0–65535) so the caller knows what a port may be.");
    }
}
