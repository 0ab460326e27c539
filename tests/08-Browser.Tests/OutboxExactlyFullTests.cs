namespace SocketCourse.Browser.Tests;

// TryDeliver's answer at the very line that overflows. Found by mutation testing (.ci/mutation): the overflow grader
// delivers while the sending task may not have taken its first line yet, so a member that answered true to the line
// that overflowed (and false only after it) passed whenever that task was late, as it usually is on a busy machine.

/// <summary>Step 4: with one line stalled in flight, exactly <c>capacity</c> more are taken and the next is refused.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "4")]
public sealed class Step4_OutboxExactlyFullTests
{
    [Fact(DisplayName = "With one line stalled in flight, capacity more lines are taken and the next TryDeliver is false")]
    public async Task The_line_that_overflows_gets_false()
    {
        var stream = new Step4_WebSocketChatMemberTests.StalledStream();
        var member = new WebSocketChatMember(new WebSocketConnection(stream, isServer: true), capacity: 2);
        Assert.True(member.TryDeliver("line 0"), "The first TryDeliver to a new member with an empty outbox returned false.");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (stream.WritesStartedSoFar == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new GradingException("5 s after TryDeliver(\"line 0\") the member's sending task had not started writing it: " +
                                           "the sending task starts in the constructor and sends each line as it comes.");
            await Task.Delay(10);
        }

        // Line 0 is stalled in WriteAsync; the outbox (capacity 2) is empty again.
        bool[] results = [member.TryDeliver("line 1"), member.TryDeliver("line 2"), member.TryDeliver("line 3")];
        Assert.True(results is [true, true, false],
            $"With line 0 stalled in flight and capacity 2, TryDeliver for lines 1, 2 and 3 returned [{string.Join(", ", results)}]; expected " +
            "[True, True, False]: two lines fit in the outbox, and the line that finds it full is refused right away (false), so that the room " +
            "drops the member now, not one line later.");
        await CodeUnderTest.Finish(member.Sending, "the member's Sending task to end once it was cut off");
    }
}
