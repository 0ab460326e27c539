namespace SocketCourse.Tool.Progress;

/// <summary>How the learner types a course-tool command, for the advice the tool prints.</summary>
public static class ToolCommand
{
    /// <summary>The command that runs the tool from the course root.</summary>
    public const string Prefix = "dotnet run --project tools/Course --";

    /// <summary>The full command line for <paramref name="arguments"/>, e.g. "dotnet run --project tools/Course -- check 03".</summary>
    public static string For(string arguments, Track track = Track.Exercises) =>
        track == Track.Solutions ? $"{Prefix} {arguments} --track solutions" : $"{Prefix} {arguments}";
}
