namespace SocketCourse.AsyncAndScale;

/// <summary>Step 1 of lesson 07. TODO(dev new): the learner's first exercise; this one is a placeholder.</summary>
public static class StepOne
{
    /// <summary>Greets <paramref name="name"/>: the text is "hello, " followed by the name.</summary>
    /// <param name="name">Who to greet.</param>
    /// <returns>The greeting.</returns>
    public static Greeting Greet(string name)
    {
        throw new NotImplementedException(
            "Step 1: say hello to the name. See notebooks/07-async-and-scale.ipynb, step 1.");
    }
}
