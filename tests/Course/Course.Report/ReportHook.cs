using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;

namespace SocketCourse.Report;

/// <summary>
/// Registers the learner's report with a grader project's test application. tests/Directory.Build.targets names
/// this type as a TestingPlatformBuilderHook, so the entry point xunit generates calls it.
/// </summary>
public static class ReportHook
{
    /// <summary>Adds the report: a consumer of test results that prints when the session ends.</summary>
    public static void AddExtensions(ITestApplicationBuilder builder, string[] args)
    {
        var report = new CompositeExtensionFactory<LearnerReport>(services => new LearnerReport(services));
        builder.TestHost.AddDataConsumer(report);
        builder.TestHost.AddTestSessionLifetimeHandler(report);
    }
}
