namespace SocketCourse.Lessons;

/// <summary>Command-line arguments shared by the demo programs: an optional port other than the seed's.</summary>
static class DemoArgs
{
    /// <summary>The port given as the first argument, or <paramref name="defaultPort"/> when there is none.</summary>
    public static int Port(string[] args, int defaultPort)
    {
        if (args.Length == 0) return defaultPort;
        if (int.TryParse(args[0], out var port) && port is > 0 and <= 65535) return port;
        Console.Error.WriteLine($"'{args[0]}' is not a port (1-65535); using {defaultPort}.");
        return defaultPort;
    }
}
