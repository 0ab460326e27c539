namespace SocketCourse.Testing;

/// <summary>
/// A grader's expectation was not met. The message is written for the learner: what was awaited,
/// sent or received, what was expected, and the networking idea at stake.
/// </summary>
public class GradingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A wait with a deadline ran out. Raised instead of hanging, naming what was awaited.
/// </summary>
public sealed class GradingTimeoutException(string message) : GradingException(message);
