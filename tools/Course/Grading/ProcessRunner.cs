using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SocketCourse.Tool.Grading;

/// <summary>What a finished child process left behind.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output and standard error, interleaved as they arrived.</param>
/// <param name="TimedOut">Whether it was killed for running too long.</param>
public sealed record ProcessResult(int ExitCode, string Output, bool TimedOut = false);

/// <summary>Runs child processes; an interface so grading can be tested without them.</summary>
public interface IProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="Win32Exception">The program does not exist.</exception>
    Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>Runs real processes, capturing their output, and kills the whole tree on timeout or cancellation.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    /// <inheritdoc />
    public async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["NO_COLOR"] = "1";

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            lock (output) return new ProcessResult(-1, output.ToString(), TimedOut: true);
        }
        process.WaitForExit(); // drains the asynchronous output readers
        lock (output) return new ProcessResult(process.ExitCode, output.ToString());
    }
}
