using System.Text.RegularExpressions;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// A lesson's demo programs use the design's port for that lesson (<see cref="DemoPorts"/>) and no other. Ports are
/// found where the demos' code sets or prints them: defaultPort: N, port = N, new IPEndPoint(..., N), 127.0.0.1:N,
/// localhost:N, --port N.
/// </summary>
public static partial class DemoPortCheck
{
    /// <summary>Every demo port that is not the table's, and every ready lesson's demos that never name theirs.</summary>
    public static IEnumerable<DevProblem> Run(CourseTree tree)
    {
        foreach (var lesson in tree.Manifest.Lessons.Where(l => tree.FolderExists(l.LessonFolder)))
        {
            var n = lesson.Number;
            var files = tree.Files(lesson.LessonFolder, ".cs");
            if (files.Count == 0) continue;
            if (!DemoPorts.ByLesson.TryGetValue(n, out var wanted))
            {
                yield return DevProblem.Lesson(n, $"has demo programs but no row in the design's port table (DemoPorts in tools/Course/Dev)");
                continue;
            }
            var named = false;
            foreach (var file in files)
            {
                var text = tree.Read(file);
                foreach (Match match in PortMention().Matches(text))
                {
                    var port = int.Parse(match.Groups["port"].Value);
                    if (port == wanted) { named = true; continue; }
                    if (port == 0) continue;   // "any port": a receive-from placeholder or the system's choice, never a demo's fixed port
                    var line = text[..match.Index].Count(c => c == '\n') + 1;
                    yield return DevProblem.Lesson(n, $"{file}:{line} uses port {port} (\"{match.Value.Trim()}\"), but the design's demo port for lesson {n} is {DemoPorts.Describe(wanted)}");
                }
            }
            if (lesson.IsReady && wanted is not null && !named)
                yield return DevProblem.Lesson(n, $"no demo in {lesson.LessonFolder} names its port {wanted} (e.g. DemoArgs.Port(args, defaultPort: {wanted}))");
        }
    }

    [GeneratedRegex(@"defaultPort\s*:\s*(?<port>\d+)|\b\w*[Pp]ort\w*\s*=\s*(?<port>\d+)\s*[;,)]|new\s+IPEndPoint\s*\([^;]*?,\s*(?<port>\d+)\s*\)|(127\.0\.0\.1|localhost|\[::1\]):(?<port>\d+)\b|--port\s+(?<port>\d+)")]
    private static partial Regex PortMention();
}
