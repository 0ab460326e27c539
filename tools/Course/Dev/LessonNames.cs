using System.Text.RegularExpressions;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// The two spellings of a lesson: the kebab-case slug of its text folders (lessons/, notebooks/) and the PascalCase
/// Name of its project folders (exercises/, solutions/, tests/, mistakes/). Name is the slug without its hyphens,
/// letter case aside, so "single-connection" is "SingleConnection" and "http-websocket" may be "HttpWebSocket".
/// </summary>
public static partial class LessonNames
{
    /// <summary>Whether <paramref name="slug"/> is lowercase words of letters and digits joined by single hyphens.</summary>
    public static bool IsSlug(string slug) => SlugPattern().IsMatch(slug);

    /// <summary>Whether <paramref name="name"/> is a PascalCase identifier.</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <summary>The default Name of a slug: each word capitalised, hyphens dropped ("socket-basics" → "SocketBasics").</summary>
    public static string NameOf(string slug) =>
        string.Concat(slug.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>Whether <paramref name="name"/> spells <paramref name="slug"/> by the rule (hyphens dropped, case aside).</summary>
    public static bool Matches(string slug, string name) =>
        IsName(name) && string.Equals(slug.Replace("-", ""), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Name part of a project folder such as "exercises/03-SingleConnection", or null when it has no "NN-".</summary>
    public static string? NameInFolder(string folder, string number)
    {
        var last = folder.TrimEnd('/').Split('/')[^1];
        if (last.EndsWith(".Tests", StringComparison.Ordinal)) last = last[..^".Tests".Length];
        return last.StartsWith(number + "-", StringComparison.Ordinal) ? last[(number.Length + 1)..] : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex NamePattern();
}
