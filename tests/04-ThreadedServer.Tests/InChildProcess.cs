using System.Diagnostics;
using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Runs a grader scenario in a child process: this same test program, started again to run one test, with
/// an environment variable telling that test it is the child. Needed where the mistake being graded kills the process: an exception that escapes a thread
/// the server started ends the whole process, and in the grader's own process it would end the test run
/// (exit code 134, tests never reported). In a child it ends only the child, and the parent reports it as an
/// ordinary failure with the lesson it teaches.
/// </summary>
internal static class InChildProcess
{
    private const string Variable = "SOCKETCOURSE_GRADER_SCENARIO";
    private const string FailedMarker = "SCENARIO FAILED: ";

    /// <summary>True in the child process, where the grader's test runs its scenario directly.</summary>
    public static bool IsChild => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    /// <summary>
    /// In the parent, runs the test <paramref name="test"/> (a [Fact] of <typeparamref name="TTests"/>) in a child process
    /// and reports its outcome; in the child, runs <paramref name="scenario"/> and reports a failure so the parent can
    /// show it.
    /// </summary>
    /// <param name="test">The name of the calling [Fact].</param>
    /// <param name="scenario">What the child runs.</param>
    /// <param name="ifCrashed">The teaching message for a child that an unhandled exception ended.</param>
    /// <param name="timeout">How long the child may take, start-up included.</param>
    /// <param name="precheck">Run in this process first, when it cannot crash it: a stub's NotImplementedException then
    /// fails the grader at once, without the cost of starting a child.</param>
    public static async Task RunAsync<TTests>(string test, Func<Task> scenario, string ifCrashed, TimeSpan timeout, Action? precheck = null)
    {
        if (!IsChild) precheck?.Invoke();
        if (IsChild)
        {
            try
            {
                await scenario();
            }
            catch (Exception e)
            {
                Console.Out.WriteLine(FailedMarker + e.GetType().FullName);
                Console.Out.WriteLine(e.Message.ReplaceLineEndings(" "));
                Console.Out.Flush();
                throw;
            }
            return;
        }
        await RunChildAsync($"{typeof(TTests).FullName}.{test}", ifCrashed, timeout);
    }

    /// <summary>
    /// Runs the scenario <paramref name="name"/> in a child process within <paramref name="timeout"/>. A failure inside
    /// it is rethrown here (a stub's NotImplementedException as itself); a child killed by an unhandled exception fails
    /// with <paramref name="ifCrashed"/>, followed by the exception the child printed.
    /// </summary>
    private static async Task RunChildAsync(string name, string ifCrashed, TimeSpan timeout)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var host = Environment.ProcessPath!;
        var program = typeof(InChildProcess).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = host;
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = host; // this test program's own launcher
        }
        // Started directly (not by `dotnet test`), the program is xunit's own console runner.
        foreach (var argument in new[] { "-method", name, "-noLogo", "-noColor" }) start.ArgumentList.Add(argument);
        start.Environment[Variable] = name;

        using var child = Process.Start(start) ?? throw new GradingException("Could not start the grader's child process.");
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await child.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw Deadlines.TimedOut(timeout, $"the scenario \"{name}\" (run in a child process) to finish",
                "Something in it waited forever: a handler never woken, or a Stop that never returns.");
        }
        var stdout = await output;
        var stderr = await errors;
        if (child.ExitCode == 0) return;

        var marker = stdout.IndexOf(FailedMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            var rest = stdout[(marker + FailedMarker.Length)..];
            var lineEnd = rest.IndexOf('\n');
            var type = rest[..lineEnd].Trim();
            var message = rest[(lineEnd + 1)..].Trim();
            if (type == typeof(NotImplementedException).FullName) throw new NotImplementedException(message);
            throw new GradingException(message);
        }
        throw new GradingException($"{ifCrashed} The grader ran this case in a child process, which ended with exit code " +
                                   $"{child.ExitCode}: {FirstLines(stderr.Length > 0 ? stderr : stdout)}");
    }

    private static string FirstLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3);
        var shown = new StringBuilder();
        foreach (var line in lines) shown.Append(line).Append(' ');
        return Show.Truncate(shown.ToString().Trim(), 600);
    }
}
