using System.Text;
using System.Text.RegularExpressions;

namespace SocketCourse.Tool.Hints;

/// <summary>
/// Reads a lesson's hints.md: a "## Step k" heading per step (anything after the number is for readers), then one
/// bullet per hint; lines indented under a bullet continue it. A bullet may start with
/// <c>*For `Grader_name`, "a concept":*</c> to say which graders (backticks) or ideas (quotes) it helps with.
/// Anything else (a title, an introduction) is ignored.
/// </summary>
public static partial class HintsFile
{
    /// <summary>The file's name in the lesson folder.</summary>
    public const string FileName = "hints.md";

    /// <summary>The hints of each step, by step number.</summary>
    /// <exception cref="FormatException">A bullet comes before any step heading, or a step appears twice.</exception>
    public static IReadOnlyDictionary<int, IReadOnlyList<Hint>> Parse(string markdown)
    {
        var steps = new Dictionary<int, List<Hint>>();
        List<Hint>? current = null;
        StringBuilder? bullet = null;

        void Finish()
        {
            if (bullet is not null)
                current!.Add(Read(bullet.ToString()));
            bullet = null;
        }

        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var heading = StepHeading().Match(line);
            if (heading.Success)
            {
                Finish();
                var number = int.Parse(heading.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (steps.ContainsKey(number))
                    throw new FormatException($"\"## Step {number}\" appears twice");
                steps[number] = current = [];
                continue;
            }
            if (line.StartsWith('#'))
            {
                Finish();
                current = null; // another heading ends the step's list
                continue;
            }
            var item = Bullet().Match(line);
            if (item.Success)
            {
                Finish();
                if (current is null)
                    throw new FormatException($"the hint \"{Shorten(item.Groups["text"].Value)}\" is not under a \"## Step k\" heading");
                bullet = new StringBuilder(item.Groups["text"].Value.Trim());
                continue;
            }
            if (bullet is not null && line.Length > 0 && char.IsWhiteSpace(raw[0]))
                bullet.Append(' ').Append(line.Trim());
            else
                Finish();
        }
        Finish();
        return steps.ToDictionary(s => s.Key, s => (IReadOnlyList<Hint>)s.Value);
    }

    /// <summary>One bullet's text, split into what it helps with and the hint itself.</summary>
    private static Hint Read(string text)
    {
        var prefix = ForPrefix().Match(text);
        if (!prefix.Success)
            return new Hint(text);
        var targets = prefix.Groups["targets"].Value;
        var graders = Quoted('`').Matches(targets).Select(m => m.Groups[1].Value).ToList();
        var concepts = Quoted('"').Matches(targets).Select(m => m.Groups[1].Value).ToList();
        return new Hint(text[prefix.Length..].Trim(), graders, concepts);
    }

    private static Regex Quoted(char quote) => quote == '`' ? Backticked() : DoubleQuoted();

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"^##\s+Step\s+(?<n>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"^[-*+]\s+(?<text>.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\*For\s+(?<targets>.+?):\*")]
    private static partial Regex ForPrefix();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex DoubleQuoted();
}
