using System.Text.Json;

namespace SocketCourse.Tool.Hints;

/// <summary>
/// How many hints of each step the learner has seen, kept in .course/hints.json, so each `hint` shows one more.
/// </summary>
public sealed class HintState(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The hint state of a course, in its cache folder.</summary>
    public static HintState In(string cacheFolder) => new(Path.Combine(cacheFolder, "hints.json"));

    /// <summary>How many hints of <paramref name="lesson"/>'s step <paramref name="step"/> were shown.</summary>
    public int Shown(string lesson, int step) => Read().GetValueOrDefault(Key(lesson, step));

    /// <summary>
    /// Reveals one more hint of a step that has <paramref name="available"/> hints, remembers it, and returns
    /// how many are now shown (never more than available).
    /// </summary>
    public int RevealNext(string lesson, int step, int available)
    {
        var state = Read();
        var shown = Math.Min(state.GetValueOrDefault(Key(lesson, step)) + 1, available);
        state[Key(lesson, step)] = shown;
        Write(state);
        return shown;
    }

    /// <summary>Forgets the hints shown for a lesson (all its steps).</summary>
    public void Reset(string lesson)
    {
        var state = Read();
        foreach (var key in state.Keys.Where(k => k.StartsWith(lesson + ".", StringComparison.Ordinal)).ToList())
            state.Remove(key);
        Write(state);
    }

    private static string Key(string lesson, int step) => $"{lesson}.{step}";

    private Dictionary<string, int> Read()
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path), Json) ?? []
                : [];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return []; // a damaged file only means the hints start over
        }
    }

    private void Write(Dictionary<string, int> state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new SortedDictionary<string, int>(state, StringComparer.Ordinal), Json));
    }
}
