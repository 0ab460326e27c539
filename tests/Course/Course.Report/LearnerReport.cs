using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;
using SocketCourse.Tool.Grading;

namespace SocketCourse.Report;

/// <summary>
/// Collects every grader's result as the platform reports it and, when the session ends, prints the lesson's
/// step report (<see cref="StepReport"/>) through the platform's output device.
/// </summary>
public sealed class LearnerReport(IServiceProvider services)
    : IDataConsumer, ITestSessionLifetimeHandler, IOutputDeviceDataProducer
{
    private readonly ConcurrentDictionary<string, GraderResult> _results = new();

    /// <inheritdoc />
    public string Uid => "SocketCourse.LearnerReport";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public string DisplayName => "SocketCourse learner's report";

    /// <inheritdoc />
    public string Description => "Prints each step of the lesson, the next step and the first failure of each failing step.";

    /// <inheritdoc />
    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];

    /// <inheritdoc />
    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    /// <inheritdoc />
    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is TestNodeUpdateMessage update && GraderOutcomes.From(update.TestNode) is { } result)
            _results[update.TestNode.Uid.Value] = result;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        var options = services.GetCommandLineOptions();
        if (options.IsOptionSet("list-tests") || options.IsOptionSet("help") || options.IsOptionSet("info"))
            return;
        var detailed = options.TryGetOptionArgumentList("output", out var output)
            && output.Any(o => o.Equals("detailed", StringComparison.OrdinalIgnoreCase));
        var text = StepReport.ForAssembly(Assembly.GetEntryAssembly(), [.. _results.Values, .. UnwrittenSteps.Folded], detailed);
        if (text is null)
            return;
        if (options.IsOptionSet("server"))
        {
            // Under `dotnet test` the platform talks to the dotnet CLI through a pipe, and the CLI shows what the
            // process wrote to its standard output (under "Standard output") when the run failed.
            await Console.Out.WriteAsync(text);
            await Console.Out.FlushAsync();
            return;
        }
        await services.GetOutputDevice().DisplayAsync(this, new TextOutputDeviceData(text), testSessionContext.CancellationToken);
    }
}
