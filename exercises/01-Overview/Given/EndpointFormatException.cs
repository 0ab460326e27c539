// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>
/// The text of an endpoint could not be read. <see cref="Problem"/> says what kind of mistake it is;
/// the message quotes the text and explains the mistake in words.
/// </summary>
public sealed class EndpointFormatException : FormatException
{
    /// <summary>Creates the error for <paramref name="text"/>, with <paramref name="detail"/> saying what is wrong in words.</summary>
    /// <param name="problem">The kind of mistake.</param>
    /// <param name="text">The whole text that was being parsed.</param>
    /// <param name="detail">What is wrong, for a person: e.g. "port 70000 is above 65535, the largest port".</param>
    public EndpointFormatException(EndpointProblem problem, string text, string detail)
        : base($"\"{text}\" is not a valid endpoint ({problem}): {detail}")
    {
        Problem = problem;
        Text = text;
        Detail = detail;
    }

    /// <summary>The kind of mistake.</summary>
    public EndpointProblem Problem { get; }

    /// <summary>The text that was being parsed.</summary>
    public string Text { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Detail { get; }
}
