using SocketCourse.Tool.Grading;

namespace SocketCourse.Tool.Tests;

public sealed class XunitReportTests
{
    [Fact]
    public void Each_test_gives_its_step_outcome_and_message_in_written_order()
    {
        var results = Fixture.Grade01("in-progress.xml").Graders;

        Assert.Equal(
            [("Opens_a_socket", 1, GraderOutcome.Passed), ("Reports_the_port", 1, GraderOutcome.Passed),
             ("Closes_cleanly", 2, GraderOutcome.Failed), ("Closes_twice_safely", 2, GraderOutcome.NotImplemented)],
            results.Select(r => (r.Name, r.Step ?? 0, r.Outcome)));
        Assert.Equal("SocketCourse.Testing.GradingException", results[2].ExceptionType);
        Assert.StartsWith("SocketCourse.Testing.GradingException : The client sent \"hi\"", results[2].Message);
        Assert.Equal("Closes twice safely", results[3].Sentence);
    }

    [Fact]
    public void A_failure_naming_NotImplementedException_in_its_message_is_a_stub_too()
    {
        const string xml = """
            <assemblies><assembly><collection>
              <test name="A.B.Wrapped" method="Wrapped" result="Fail"><traits><trait name="Lesson" value="01" /><trait name="Step" value="1" /></traits>
                <failure exception-type="SocketCourse.Testing.GradingException"><message>The server crashed: System.NotImplementedException: Step 1</message></failure></test>
              <test name="A.B.Skipped" method="Skipped" result="Skip"><traits><trait name="Lesson" value="01" /><trait name="Step" value="1" /></traits></test>
              <test name="A.B.OtherLesson" method="OtherLesson" result="Pass"><traits><trait name="Lesson" value="02" /></traits></test>
            </collection></assembly></assemblies>
            """;

        var results = XunitReport.Parse(xml, "01");

        Assert.Equal([("Skipped", GraderOutcome.Skipped), ("Wrapped", GraderOutcome.NotImplemented)], results.Select(r => (r.Name, r.Outcome)));
    }

    [Fact]
    public void A_skip_that_stands_for_a_stubs_failure_counts_as_reaching_the_stub_and_no_other_skip_does()
    {
        var reason = StubSkip.Reason("step 2 is not written yet: write it. See notebooks/01-first.ipynb, step 2.");
        var xml = $"""
            <assemblies><assembly><collection>
              <test name="A.B.Folded" method="Folded" result="Skip" source-line="1"><traits><trait name="Lesson" value="01" /><trait name="Step" value="2" /></traits>
                <reason><![CDATA[{reason}]]></reason></test>
              <test name="A.B.Skipped" method="Skipped" result="Skip" source-line="2"><traits><trait name="Lesson" value="01" /><trait name="Step" value="2" /></traits>
                <reason><![CDATA[step 2 is not written yet: a grader's own skip, without the suffix]]></reason></test>
            </collection></assembly></assemblies>
            """;

        var results = XunitReport.Parse(xml, "01");

        Assert.Equal([("Folded", GraderOutcome.NotImplemented), ("Skipped", GraderOutcome.Skipped)], results.Select(r => (r.Name, r.Outcome)));
        Assert.Equal("step 2 is not written yet: write it. See notebooks/01-first.ipynb, step 2.", results[0].Message);
        Assert.Equal("System.NotImplementedException", results[0].ExceptionType);
    }

    [Fact]
    public void A_Stretch_trait_marks_a_grader_as_optional()
    {
        const string xml = """
            <assemblies><assembly><collection>
              <test name="A.B.Required" method="Required" result="Pass"><traits><trait name="Lesson" value="01" /><trait name="Step" value="2" /></traits></test>
              <test name="A.B.Extra" method="Extra" result="Fail"><traits><trait name="Lesson" value="01" /><trait name="Step" value="2" /><trait name="Stretch" value="true" /></traits>
                <failure exception-type="SocketCourse.Testing.GradingException"><message>not yet</message></failure></test>
            </collection></assembly></assemblies>
            """;

        var results = XunitReport.Parse(xml, "01");

        Assert.Equal([("Extra", true), ("Required", false)], results.Select(r => (r.Name, r.IsStretch)).OrderBy(r => r.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Something_else_than_a_report_is_a_clear_error()
    {
        Assert.Contains("could not be read", Assert.Throws<CourseException>(() => XunitReport.Parse("<unclosed", "01")).Message);
        Assert.Contains("not an xunit XML report", Assert.Throws<CourseException>(() => XunitReport.Parse("<html />", "01")).Message);
    }
}
