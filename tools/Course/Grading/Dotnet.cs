using System.ComponentModel;

namespace SocketCourse.Tool.Grading;

/// <summary>Runs the dotnet CLI, turning "no SDK" into a clear <see cref="CourseException"/>.</summary>
public sealed class Dotnet(IProcessRunner runner)
{
    private static readonly string[] NoSdkSigns =
    [
        "No .NET SDKs were found",
        "A compatible .NET SDK was not found",
        "The application 'build' does not exist",
        "could not be loaded, possibly because",
    ];

    /// <summary>The dotnet host to run: the one running this tool when known, else dotnet on PATH.</summary>
    public static string HostPath { get; } = FindHost();

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>.</summary>
    /// <exception cref="CourseException">dotnet is not installed, or has no SDK.</exception>
    public async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(HostPath, arguments, workingDirectory, timeout, cancellationToken);
        }
        catch (Win32Exception)
        {
            throw NoSdk("the `dotnet` command was not found on PATH");
        }
        if (result.ExitCode != 0 && NoSdkSigns.Any(s => result.Output.Contains(s, StringComparison.Ordinal)))
            throw NoSdk("`dotnet` is installed but has no usable SDK");
        return result;
    }

    private static CourseException NoSdk(string what) => new(
        $"The .NET SDK is needed to build and grade your code, but {what}.",
        "Install the .NET 10 SDK from https://dotnet.microsoft.com/download, open a new terminal, and check with `dotnet --version`.");

    private static string FindHost()
    {
        // `dotnet run` starts us through the dotnet host; using that same host avoids a different one on PATH.
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return self;
        return "dotnet";
    }
}
