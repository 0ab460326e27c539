using System.Collections.Concurrent;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// A keyboard the grader types on: ReadLine waits until the grader types a line (or ends the input), as
/// <c>Console.ReadLine</c> waits for the user. It never waits longer than 20 s, so a forgotten keyboard cannot hang a run.
/// </summary>
internal sealed class Keyboard : TextReader
{
    private readonly BlockingCollection<string?> _typed = new();
    private int _reads;

    /// <summary>How many times ReadLine has been called so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public void Type(string line) => _typed.Add(line);

    /// <summary>Ends the input: the next ReadLine returns null (Ctrl+D, Ctrl+Z, the end of piped input).</summary>
    public void End() => _typed.Add(null);

    public override string? ReadLine()
    {
        Interlocked.Increment(ref _reads);
        return _typed.TryTake(out var line, TimeSpan.FromSeconds(20)) ? line : null;
    }
}

/// <summary>A screen the grader can read: every line written to it, however the writes were cut, kept in order.</summary>
internal sealed class Screen : TextWriter
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly System.Text.StringBuilder _current = new();

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate) return [.. _lines];
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Add(_current.ToString().TrimEnd('\r'));
                _current.Clear();
            }
            else
            {
                _current.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
            foreach (var c in value ?? "") Write(c);
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Write(value);
            Write('\n');
        }
    }

    public string Shown()
    {
        var lines = Lines;
        return lines.Count == 0 ? "nothing" : string.Join(", ", lines.Select(l => Show.Text(l, 60)));
    }
}
