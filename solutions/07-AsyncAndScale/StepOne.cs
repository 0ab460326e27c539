namespace SocketCourse.AsyncAndScale;

/// <summary>Step 1 of lesson 07. TODO(dev new): the reference solution of the first exercise.</summary>
public static class StepOne
{
    /// <summary>Greets <paramref name="name"/>: the text is "hello, " followed by the name.</summary>
    /// <param name="name">Who to greet.</param>
    /// <returns>The greeting.</returns>
    public static Greeting Greet(string name) => new("hello, " + name);
}
