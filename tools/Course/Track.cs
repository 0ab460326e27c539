namespace SocketCourse.Tool;

/// <summary>What the graders compile against: the learner's exercises or the reference solutions.</summary>
public enum Track
{
    /// <summary>The learner's code in exercises/ (the default).</summary>
    Exercises,

    /// <summary>The reference solutions in solutions/, for teachers checking the course.</summary>
    Solutions,
}

/// <summary>Track names as they appear on the command line and in MSBuild's Track property.</summary>
public static class TrackNames
{
    /// <summary>The names, in the order shown in --help.</summary>
    public static readonly string[] All = ["exercises", "solutions"];

    /// <summary>"exercises" or "solutions".</summary>
    public static string Name(this Track track) => track == Track.Solutions ? "solutions" : "exercises";

    /// <summary>Parses a track name (case-insensitive); anything else is an error.</summary>
    public static Track Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or "exercises" => Track.Exercises,
        "solutions" => Track.Solutions,
        _ => throw new CourseException($"Unknown track '{name}'.", "Use --track exercises (the default) or --track solutions."),
    };
}
