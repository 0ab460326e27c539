namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 1: TODO(dev new): graders that talk to the learner's code over loopback, with deadlines.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
public sealed class Step1_StepOneTests
{
    [Fact]
    public void Greet_says_hello_to_the_name()
    {
        var greeting = StepOne.Greet("socket");

        Assert.Equal(new Greeting("hello, socket"), greeting);
    }
}
