using System.Text.RegularExpressions;

namespace SocketCourse.Tool.Grading;

/// <summary>One error from the build output, e.g. a C# compiler error in the learner's file.</summary>
/// <param name="File">The file it is in (absolute, as MSBuild reports it), or null for a project-level error.</param>
/// <param name="Line">The line, or 0 when unknown.</param>
/// <param name="Column">The column, or 0 when unknown.</param>
/// <param name="Code">The error code, e.g. CS1002.</param>
/// <param name="Message">What the compiler says.</param>
/// <param name="Project">The project being built when it happened, if MSBuild said.</param>
public sealed partial record CompilerError(string? File, int Line, int Column, string Code, string Message, string? Project)
{
    /// <summary>
    /// Reads the errors out of MSBuild console output, each once (MSBuild repeats them in its summary), in order.
    /// </summary>
    public static IReadOnlyList<CompilerError> Parse(string buildOutput)
    {
        var errors = new List<CompilerError>();
        foreach (var raw in buildOutput.Split('\n'))
        {
            var match = ErrorLine().Match(raw.TrimEnd('\r').Trim());
            if (!match.Success)
                continue;
            var origin = match.Groups["origin"].Value.Trim();
            var position = match.Groups["pos"].Success ? match.Groups["pos"].Value.Split(',') : [];
            var error = new CompilerError(
                origin.Length == 0 || origin.Equals("MSBUILD", StringComparison.OrdinalIgnoreCase) ? null : origin,
                position.Length > 0 && int.TryParse(position[0], out var line) ? line : 0,
                position.Length > 1 && int.TryParse(position[1], out var column) ? column : 0,
                match.Groups["code"].Value,
                match.Groups["msg"].Value.Trim(),
                match.Groups["proj"].Success ? match.Groups["proj"].Value.Trim() : null);
            if (!errors.Contains(error))
                errors.Add(error);
        }
        return errors;
    }

    /// <summary>Whether the error's file, or else its project, lies inside <paramref name="folder"/>.</summary>
    public bool IsIn(string folder)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Inside(File) || (File is null || !Path.IsPathRooted(File)) && Inside(Project);

        bool Inside(string? path) =>
            path is not null && Path.IsPathRooted(path) && Path.GetFullPath(path).StartsWith(prefix, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<origin>.*?)(?:\((?<pos>\d+(?:,\d+){0,3})\))?\s*:\s*error\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<msg>.*?)(?:\s+\[(?<proj>[^\]]+)\])?$")]
    private static partial Regex ErrorLine();
}
