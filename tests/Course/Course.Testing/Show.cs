using System.Text;

namespace SocketCourse.Testing;

/// <summary>
/// Renders bytes and text for failure messages: escaped, with their length, and truncated
/// so that a flood of output never buries the point.
/// </summary>
public static class Show
{
    /// <summary>How many characters of data a failure message shows before cutting.</summary>
    public const int DefaultLimit = 160;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>
    /// Shows bytes as a quoted, escaped string with the byte count, e.g. <c>"hi\n" (3 bytes)</c>.
    /// Valid UTF-8 is shown as text; anything else as <c>\xNN</c> escapes. Quotes inside are shown as they are, without a
    /// backslash: the byte count after the closing quote says where the data ends.
    /// </summary>
    public static string Bytes(ReadOnlySpan<byte> bytes, int limit = DefaultLimit)
    {
        try
        {
            return $"\"{Escape(StrictUtf8.GetString(bytes), limit)}\" ({Count(bytes.Length)})";
        }
        catch (DecoderFallbackException)
        {
            var hex = new StringBuilder();
            foreach (var b in bytes)
            {
                if (hex.Length >= limit) { hex.Append('…'); break; }
                var printable = b is >= 0x20 and < 0x7f and not (byte)'\\';
                hex.Append(printable ? ((char)b).ToString() : $"\\x{b:x2}");
            }
            return $"\"{hex}\" (not valid UTF-8, {Count(bytes.Length)})";
        }
    }

    /// <summary>Shows text quoted and escaped, with its length in characters and in UTF-8 bytes.</summary>
    public static string Text(string? text, int limit = DefaultLimit)
    {
        if (text is null) return "null";
        var bytes = Encoding.UTF8.GetByteCount(text);
        return $"\"{Escape(text, limit)}\" ({text.Length} chars, {Count(bytes)})";
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="limit"/> characters, saying how much was left out.</summary>
    public static string Truncate(string text, int limit = DefaultLimit) =>
        text.Length <= limit ? text : $"{text[..limit]}… ({text.Length - limit} more chars)";

    private static string Count(int n) => n == 1 ? "1 byte" : $"{n} bytes";

    private static string Escape(string text, int limit)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (sb.Length >= limit)
            {
                sb.Append($"…[{text.Length - i} more chars]");
                break;
            }
            var c = text[i];
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                '\\' => "\\\\",
                '\uFFFD' => "\\uFFFD",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
