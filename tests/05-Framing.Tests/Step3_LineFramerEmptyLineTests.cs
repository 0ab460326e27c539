using System.Text;

namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 3: an empty line at the very start of the buffer. Found by mutation testing (.ci/mutation): looking for the CR
/// of an empty line (one byte before the start) went unnoticed before.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
public sealed class Step3_LineFramerEmptyLineTests
{
    [Fact(DisplayName = "Empty lines at the start of the buffer are found")]
    public void Empty_lines_at_the_start_of_the_buffer_are_found()
    {
        var buffer = Wire.Sequence(Wire.Utf8("\n"), Wire.Utf8("\r\nx\n"));
        var lines = new List<string>();

        try
        {
            while (lines.Count < 3 && LineFramer.TryReadLine(ref buffer, 64, out var line)) lines.Add(Encoding.UTF8.GetString(line));
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            throw new GradingException(
                $"On a buffer \"\\n\" | \"\\r\\nx\\n\", after {lines.Count} lines TryReadLine threw {Explain.Exception(e)} An empty line has no last " +
                "byte: check its length before looking for a CR in front of the '\\n'.", e);
        }

        Assert.True(lines.SequenceEqual(["", "", "x"]) && buffer.Length == 0,
            $"On a buffer \"\\n\" | \"\\r\\nx\\n\" TryReadLine found [{string.Join(", ", lines.Select(l => Show.Text(l)))}] and left {buffer.Length} bytes; " +
            "expected [\"\", \"\", \"x\"] and nothing left. A '\\n' at the start of the buffer ends an empty line.");
    }
}
