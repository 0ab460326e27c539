namespace SocketCourse.Tool.Progress;

/// <summary>How the learner types a course-tool command, for the advice the tool prints.</summary>
public static class ToolCommand
{
    /// <summary>
    /// The front door at the course root: <c>./course</c> (bash) or <c>.\course</c> (Windows: course.cmd or course.ps1).
    /// Tests pin it so snapshots read the same on every system.
    /// </summary>
    public static string Prefix { get; set; } = OperatingSystem.IsWindows() ? @".\course" : "./course";

    /// <summary>The fallback that works without the front door scripts.</summary>
    public const string Fallback = "dotnet run --project tools/Course --";

    /// <summary>The full command line for <paramref name="arguments"/>, e.g. "./course check 03".</summary>
    public static string For(string arguments, Track track = Track.Exercises) =>
        track == Track.Solutions ? $"{Prefix} {arguments} --track solutions" : $"{Prefix} {arguments}";
}
