// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.AsyncAndScale;

/// <summary>TODO(dev new): a type the learner is handed (an enum, a record, an exception). This one is a placeholder.</summary>
/// <param name="Text">The greeting's words.</param>
public sealed record Greeting(string Text);
