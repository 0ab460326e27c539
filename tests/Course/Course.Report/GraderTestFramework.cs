using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace SocketCourse.Report;

/// <summary>
/// xunit's own test framework with two additions, for every grader project ([assembly: TestFramework] from
/// tests/Directory.Build.targets). Each failure is shortened before any runner or report sees it
/// (<see cref="FailureShortener"/>), and after the first grader that reaches a stub, the others that do are
/// reported as skipped with the stub's message (<see cref="UnwrittenSteps"/>). And when the grader executable is run directly, by xunit's own console runner,
/// it prints the learner's report at the end, as <see cref="LearnerReport"/> does under `dotnet test`.
/// Set SOCKETCOURSE_FULL_TRACES=1 (or pass --output Detailed) for xunit's untouched failures, every one of them.
/// </summary>
public sealed class GraderTestFramework : XunitTestFramework
{
    /// <summary>The environment variable that keeps failures as xunit reports them.</summary>
    public const string FullTracesVariable = "SOCKETCOURSE_FULL_TRACES";

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(Assembly assembly) =>
        new GraderExecutor(base.CreateExecutor(assembly), assembly);

    private sealed class GraderExecutor(ITestFrameworkExecutor inner, Assembly assembly) : ITestFrameworkExecutor
    {
        public async ValueTask RunTestCases(IReadOnlyCollection<ITestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions, CancellationToken? cancellationToken)
        {
            var results = new XunitResults();
            IMessageSink sink = new Collecting(results, executionMessageSink);
            if (FailureShortener.Wanted(assembly))
                sink = new FailureShortener(sink, assembly);
            if (UnwrittenSteps.For(assembly) is not UnwrittenSteps.Mode.Off and var mode)
                sink = new UnwrittenSteps(sink, mode);
            await inner.RunTestCases(testCases, sink, executionOptions, cancellationToken);
            // Only for a person at a terminal: tools that run the graders and read their output (the catalogue of
            // mistakes, a grader's child process) redirect it and get xunit's output alone.
            if (RunByXunitsConsoleRunner() && !Console.IsOutputRedirected)
            {
                var detailed = Environment.GetCommandLineArgs().Any(a => a.Equals("Detailed", StringComparison.OrdinalIgnoreCase));
                if (StepReport.ForAssembly(assembly, [.. results.All, .. UnwrittenSteps.Folded], detailed) is { } text)
                    Console.Out.Write(text);
            }
        }
    }

    /// <summary>
    /// Whether xunit's own console runner runs the graders. Not under Microsoft.Testing.Platform (--server, as
    /// `dotnet test` starts them), which prints the report through <see cref="LearnerReport"/>; and not for a runner
    /// that talks to the process on its standard output (-automated, @@), where a report would break the protocol.
    /// The same test as the entry point xunit generates.
    /// </summary>
    private static bool RunByXunitsConsoleRunner() =>
        !Environment.GetCommandLineArgs().Skip(1).Any(a => a is "--server" or "--internal-msbuild-node" or "-automated" or "@@")
        && !AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.Testing.Platform");

    private sealed class Collecting(XunitResults results, IMessageSink next) : IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message)
        {
            results.Add(message);
            return next.OnMessage(message);
        }
    }
}
