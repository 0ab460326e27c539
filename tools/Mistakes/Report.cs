using System.Xml.Linq;

namespace SocketCourse.Mistakes;

/// <summary>An xunit-style XML report, so CI counts every entry with the graders' own results.</summary>
public static class Report
{
    /// <summary>Writes one test per judged entry and one failed test per catalogue problem.</summary>
    public static void Write(string path, IReadOnlyList<Outcome> outcomes, IReadOnlyList<string> problems)
    {
        static XElement Test(string name, bool passed, string detail, TimeSpan took)
        {
            var test = new XElement("test",
                new XAttribute("name", name),
                new XAttribute("type", "mistakes"),
                new XAttribute("method", name),
                new XAttribute("result", passed ? "Pass" : "Fail"),
                new XAttribute("time", took.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));
            if (!passed) test.Add(new XElement("failure", new XElement("message", detail)));
            return test;
        }
        var tests = outcomes.Select(o => Test(o.Entry.IsVariant ? $"{o.Entry.Id} passes every grader" : $"mistakes/{o.Entry.Id} is caught", o.Caught, o.Detail, o.Took))
            .Concat(problems.Select(p => Test("mistakes catalogue", false, p, TimeSpan.Zero)))
            .ToList();
        var failed = tests.Count(t => (string?)t.Attribute("result") == "Fail");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        new XDocument(new XElement("assemblies",
            new XElement("assembly", new XAttribute("name", "mistakes"), new XAttribute("total", tests.Count),
                new XAttribute("passed", tests.Count - failed), new XAttribute("failed", failed),
                new XElement("collection", new XAttribute("name", "catalogue of mistakes"), tests)))).Save(path);
    }
}
