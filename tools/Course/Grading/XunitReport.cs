using System.Xml;
using System.Xml.Linq;

namespace SocketCourse.Tool.Grading;

/// <summary>Reads an xunit XML report (v3 schema, as written by -xml or --report-xunit-xml).</summary>
public static class XunitReport
{
    /// <summary>The results of the tests whose Lesson trait is <paramref name="lesson"/> (or that have none), in order.</summary>
    /// <exception cref="CourseException">The text is not an xunit XML report.</exception>
    public static IReadOnlyList<GraderResult> Parse(string xml, string lesson)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new CourseException($"The graders' report could not be read: {e.Message}");
        }
        if (document.Root?.Name.LocalName != "assemblies")
            throw new CourseException("The graders' report is not an xunit XML report (no <assemblies> element).");

        var results = new List<GraderResult>();
        foreach (var test in document.Descendants("test"))
        {
            var traits = test.Element("traits")?.Elements("trait")
                .Select(t => (Name: (string?)t.Attribute("name"), Value: (string?)t.Attribute("value")))
                .ToList() ?? [];
            var lessonTrait = traits.FirstOrDefault(t => t.Name == "Lesson").Value;
            if (lessonTrait is not null && lessonTrait != lesson)
                continue;
            var stepTrait = traits.FirstOrDefault(t => t.Name == "Step").Value;
            var stretch = string.Equals(traits.FirstOrDefault(t => t.Name == "Stretch").Value, "true", StringComparison.OrdinalIgnoreCase);
            var failure = test.Element("failure");
            var exceptionType = (string?)failure?.Attribute("exception-type");
            var message = failure?.Element("message")?.Value;
            var reason = test.Element("reason")?.Value;
            if ((string?)test.Attribute("result") == "Skip" && StubSkip.Is(reason))
                (exceptionType, message) = (typeof(NotImplementedException).FullName, StubSkip.Message(reason!));
            results.Add(new GraderResult(
                (string?)test.Attribute("method") ?? ShortName((string?)test.Attribute("name") ?? "?"),
                int.TryParse(stepTrait, out var step) ? step : null,
                Outcome((string?)test.Attribute("result"), exceptionType, message),
                exceptionType,
                message,
                int.TryParse((string?)test.Attribute("source-line"), out var line) ? line : 0,
                stretch)
            {
                DisplayName = (string?)test.Attribute("name"),
                StackTrace = failure?.Element("stack-trace")?.Value,
            });
        }
        // Execution order varies with parallelism; the order the graders are written in does not.
        return [.. results.OrderBy(r => r.Step ?? int.MaxValue).ThenBy(r => r.Line).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How a test ended, from its xunit result ("Pass", "Fail", "Skip", "NotRun") and its failure or skip reason. A
    /// grader skipped because it reached a stub (<see cref="StubSkip"/>) counts as the stub's failure.
    /// </summary>
    public static GraderOutcome Outcome(string? result, string? exceptionType, string? message) => result switch
    {
        "Pass" => GraderOutcome.Passed,
        "Fail" when IsNotImplemented(exceptionType, message) => GraderOutcome.NotImplemented,
        "Skip" when StubSkip.Is(message) || IsNotImplemented(exceptionType, null) => GraderOutcome.NotImplemented,
        "Fail" => GraderOutcome.Failed,
        _ => GraderOutcome.Skipped,
    };

    /// <summary>A stub's failure: the exception type or the message names NotImplementedException.</summary>
    private static bool IsNotImplemented(string? exceptionType, string? message) =>
        (exceptionType?.Contains(nameof(NotImplementedException), StringComparison.Ordinal) ?? false)
        || (message?.Contains(nameof(NotImplementedException), StringComparison.Ordinal) ?? false);

    private static string ShortName(string name) => name[(name.LastIndexOf('.') + 1)..];
}
