namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Step 2: every handler thread receives into a buffer of its own. A buffer shared by all of them (a static field)
/// mixes clients up only when one thread's Receive lands between another's Receive and its decoding, well under a
/// microsecond: a stress test catches it some runs and not others. So after three handlers have served their
/// clients at once for real, the grader reviews the source of ReplyHandler (SocketCourse.Testing.SourceReview).
/// </summary>
[Trait("Lesson", "04")]
[Trait("Step", "2")]
public sealed class Step2_BufferPerHandlerTests
{
    [Fact(DisplayName = "Each handler receives into a buffer of its own")]
    public async Task Each_handler_receives_into_a_buffer_of_its_own()
    {
        var pairs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ConnectedPair.OpenAsync()));
        try
        {
            await ReviewVerdict.RunThenReviewAsync(typeof(ReplyHandler), "3 handlers served their clients at the same time", async () =>
            {
                var serving = pairs.Select((pair, i) => OwnThread.Start(() => ReplyHandler.Serve(pair.Learner, m => m.ToUpperInvariant()),
                    $"grader: ReplyHandler.Serve for client {i + 1}")).ToList();

                // The first Serve to end, so a stub's NotImplementedException (or any crash) is reported as it is.
                var firstToEnd = Task.WhenAny(serving).Unwrap();
                await CodeUnderTest.WhileRunning(firstToEnd, () => Task.WhenAll(pairs.Select((pair, i) =>
                    Talk.ExpectReplyAsync(pair.Grader, $"client {i + 1} talks at the same time", $"CLIENT {i + 1} TALKS AT THE SAME TIME"))));
                foreach (var pair in pairs) pair.Grader.ShutdownSend();
                for (var i = 0; i < serving.Count; i++)
                    await CodeUnderTest.Finish(serving[i], $"Serve for client {i + 1} to return after its client closed its side",
                        hint: Explain.EndOfStream + " Return ClientLeft.Closed then.");
            });
        }
        finally
        {
            foreach (var pair in pairs) pair.Dispose();
        }
    }
}
