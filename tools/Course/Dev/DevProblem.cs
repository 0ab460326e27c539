namespace SocketCourse.Tool.Dev;

/// <summary>One thing <c>course dev check</c> found wrong: where (a lesson, or the course) and what, in words.</summary>
/// <param name="Where">"lesson 03", or "course" for what belongs to no lesson.</param>
/// <param name="Message">What is wrong and, where it helps, what would be right.</param>
public sealed record DevProblem(string Where, string Message)
{
    /// <summary>A problem of lesson <paramref name="number"/>.</summary>
    public static DevProblem Lesson(string number, string message) => new($"lesson {number}", message);

    /// <summary>A problem of the course as a whole.</summary>
    public static DevProblem Course(string message) => new("course", message);

    /// <inheritdoc />
    public override string ToString() => $"{Where}: {Message}";
}
