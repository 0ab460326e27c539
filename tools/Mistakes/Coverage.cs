namespace SocketCourse.Mistakes;

/// <summary>The catalogue's coverage rule: every step of every ready lesson has at least three entries.</summary>
public static class Coverage
{
    /// <summary>The fewest entries a step may have.</summary>
    public const int PerStep = 3;

    /// <summary>Returns one problem per step with too few entries, and prints the counts.</summary>
    public static List<string> Check(IReadOnlyList<Entry> entries, IEnumerable<(string Lesson, List<int> Steps)> lessons)
    {
        var problems = new List<string>();
        foreach (var (lesson, steps) in lessons)
        {
            var counts = steps.Select(s => (Step: s, Count: entries.Count(e => e.Lesson == lesson && e.Step == s))).ToList();
            Console.WriteLine($"{lesson}: {entries.Count(e => e.Lesson == lesson)} entries ({string.Join(", ", counts.Select(c => $"step {c.Step}: {c.Count}"))})");
            foreach (var (step, count) in counts.Where(c => c.Count < PerStep))
                problems.Add($"mistakes/{lesson}: step {step} has {count} entries; every step needs at least {PerStep}");
        }
        return problems;
    }
}
