using System.Text.RegularExpressions;

namespace SocketCourse.Tool.Rendering;

/// <summary>Turns a grader's failure message into what the learner should read: no type names, no stack trace.</summary>
public static partial class FailureText
{
    /// <summary>The most lines of a message shown.</summary>
    public const int MaxLines = 30;

    /// <summary>The cleaned message.</summary>
    public static string Clean(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
            return "(the grader gave no message)";
        var lines = message.Replace("\r\n", "\n").Split('\n')
            .Where(l => !StackFrame().IsMatch(l) && !l.StartsWith("--- End of", StringComparison.Ordinal))
            .Select(l => ExceptionPrefix().Replace(l, ""))
            .Select(l => l.TrimEnd())
            .ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        if (lines.Count > MaxLines)
            lines = [.. lines.Take(MaxLines), $"… ({lines.Count - MaxLines} more lines)"];
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"^\s+at \S")]
    private static partial Regex StackFrame();

    /// <summary>"System.NotImplementedException : " or "---- SocketCourse.Testing.GradingException : " at a line's start.</summary>
    [GeneratedRegex(@"^(-+ )?(?:[A-Za-z_][\w`]*\.)*[A-Za-z_]\w*(Exception|Error)\s:\s")]
    private static partial Regex ExceptionPrefix();
}
