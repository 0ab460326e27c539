namespace SocketCourse.Tool;

/// <summary>
/// An expected problem (unknown lesson, missing SDK, unreadable manifest...) reported to the learner as a
/// plain message and a non-zero exit code, never as a stack trace.
/// </summary>
public sealed class CourseException(string message, string? advice = null) : Exception(message)
{
    /// <summary>What the learner can do about it, if anything.</summary>
    public string? Advice { get; } = advice;
}
