using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>Runs a lesson's built grader assembly and reads its xunit XML report.</summary>
public sealed class GraderRunner(Dotnet dotnet)
{
    /// <summary>How long a lesson's graders may run (they take seconds; this only catches a hang).</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Runs the graders in <paramref name="assembly"/>, writing the report to <paramref name="reportPath"/>.</summary>
    public async Task<LessonGrade> RunAsync(Lesson lesson, string assembly, string reportPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        File.Delete(reportPath);
        var folder = Path.GetDirectoryName(assembly)!;
        // The grader executable itself, no MSBuild and no `dotnet test` around it, with the lesson's filter: xunit
        // v3's own runner (-xml); a project switched to Microsoft.Testing.Platform only takes the MTP options.
        var result = await dotnet.RunAsync([assembly, "-xml", reportPath, "-noLogo", "-noColor", "-trait", $"Lesson={lesson.Number}"], folder, Timeout, cancellationToken);
        if (!File.Exists(reportPath) && !result.TimedOut)
        {
            result = await dotnet.RunAsync(
                [assembly, "--report-xunit-xml", "--report-xunit-xml-filename", Path.GetFileName(reportPath),
                 "--results-directory", Path.GetDirectoryName(reportPath)!, "--no-ansi", "--no-progress", "--filter-trait", $"Lesson={lesson.Number}"],
                folder, Timeout, cancellationToken);
        }
        if (result.TimedOut)
            return LessonGrade.NotGradable(lesson.Number, $"The graders of lesson {lesson.Number} did not finish within {Timeout.TotalMinutes:0} minutes: something waits forever.");
        if (!File.Exists(reportPath))
            return LessonGrade.NotGradable(lesson.Number, $"The graders of lesson {lesson.Number} stopped without a report (exit code {result.ExitCode}):\n{Tail(result.Output)}");
        return LessonGrade.Graded(lesson.Number, XunitReport.Parse(File.ReadAllText(reportPath), lesson.Number));
    }

    private static string Tail(string text) =>
        string.Join("\n", text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(12));
}
