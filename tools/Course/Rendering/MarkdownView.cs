using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SocketCourse.Tool.Rendering;

/// <summary>
/// Markdown made readable in a terminal: headings as rules and bold lines, paragraphs rewrapped, lists with
/// bullets, **bold**, *italic* and `code` styled, fenced code in a panel, a Mermaid diagram as a labelled block.
/// </summary>
public static partial class MarkdownView
{
    /// <summary>The renderables for <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<IRenderable> Render(string markdown, bool unicode = true)
    {
        var blocks = new List<IRenderable>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var paragraph = new List<string>();

        void Flush()
        {
            if (paragraph.Count == 0)
                return;
            blocks.Add(new Markup(Inline(string.Join(" ", paragraph.Select(p => p.Trim())))));
            paragraph.Clear();
        }

        var previousWasItem = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var wasItem = previousWasItem;
            previousWasItem = false;
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                var language = trimmed[3..].Trim();
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                    code.Add(lines[i]);
                blocks.Add(CodeBlock(string.Join("\n", code), language, unicode));
                continue;
            }
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                Flush();
                var text = Inline(heading.Groups["text"].Value.Trim());
                blocks.Add(heading.Groups["level"].Length == 1
                    ? new Rule($"[bold]{text}[/]") { Justification = Justify.Left, Border = unicode ? BoxBorder.Double : BoxBorder.Ascii }
                    : heading.Groups["level"].Length == 2
                        ? new Rule($"[bold]{text}[/]") { Justification = Justify.Left, Border = unicode ? BoxBorder.Square : BoxBorder.Ascii }
                        : new Markup($"[bold underline]{text}[/]"));
                continue;
            }
            if (trimmed.Length == 0)
            {
                Flush();
                previousWasItem = wasItem && i + 1 < lines.Length && ListItem().IsMatch(lines[i + 1]);
                continue;
            }
            var item = ListItem().Match(line);
            if (item.Success)
            {
                Flush();
                var indent = new string(' ', item.Groups["indent"].Length + 2);
                var marker = item.Groups["marker"].Value is "-" or "*" or "+" ? (unicode ? "•" : "*") : item.Groups["marker"].Value;
                var text = new StringBuilder(item.Groups["text"].Value.Trim());
                // Continuation lines of the item (indented, not a new item) belong to it.
                while (i + 1 < lines.Length && lines[i + 1].StartsWith("  ", StringComparison.Ordinal) && lines[i + 1].Trim().Length > 0 && !ListItem().IsMatch(lines[i + 1]))
                    text.Append(' ').Append(lines[++i].Trim());
                var rendered = new Padder(new Markup($"{Markup.Escape(marker)} {Inline(text.ToString())}"), new Padding(indent.Length, 0, 0, 0));
                // Consecutive items make one block, so the list is not spaced out like paragraphs.
                if (blocks.Count > 0 && blocks[^1] is ListBlock list && wasItem)
                    list.Items.Add(rendered);
                else
                    blocks.Add(new ListBlock([rendered]));
                previousWasItem = true;
                continue;
            }
            if (trimmed.StartsWith('>'))
            {
                Flush();
                blocks.Add(new Markup($"[italic]{(unicode ? "│" : "|")} {Inline(trimmed.TrimStart('>').Trim())}[/]"));
                continue;
            }
            if (trimmed.StartsWith('|'))
            {
                Flush();
                var rows = new List<string>();
                for (; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
                    rows.Add(lines[i].Trim());
                i--;
                blocks.Add(TableBlock(rows, unicode));
                continue;
            }
            paragraph.Add(line);
        }
        Flush();
        return blocks;
    }

    /// <summary>A markdown table (| a | b | rows, the |---| line under the header) as a table.</summary>
    private static IRenderable TableBlock(List<string> rows, bool unicode)
    {
        static string[] Cells(string row) => [.. row.Trim('|').Split('|').Select(c => c.Trim())];
        var body = rows.Where(r => !TableRule().IsMatch(r)).Select(Cells).ToList();
        if (body.Count == 0)
            return new Text("");
        var width = body.Max(r => r.Length);
        var table = new Table().Border(unicode ? TableBorder.Rounded : TableBorder.Ascii);
        foreach (var header in body[0].Concat(Enumerable.Repeat("", width - body[0].Length)))
            table.AddColumn(new TableColumn(new Markup($"[bold]{Inline(header)}[/]")));
        foreach (var row in body.Skip(1))
            table.AddRow([.. row.Concat(Enumerable.Repeat("", width - row.Length)).Take(width).Select(c => new Markup(Inline(c)))]);
        return table;
    }

    /// <summary>Consecutive list items, shown together.</summary>
    private sealed class ListBlock(List<IRenderable> items) : IRenderable
    {
        public List<IRenderable> Items { get; } = items;

        public Measurement Measure(RenderOptions options, int maxWidth) => ((IRenderable)new Rows(Items)).Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => ((IRenderable)new Rows(Items)).Render(options, maxWidth);
    }

    /// <summary>A code block: a Mermaid diagram is labelled as one (a terminal cannot draw it).</summary>
    private static Panel CodeBlock(string code, string language, bool unicode)
    {
        var header = language == "mermaid"
            ? "diagram (Mermaid source; GitHub and editors draw it)"
            : language.Length > 0 ? language : "code";
        return new Panel(new Text(code))
            .Header(Markup.Escape(header))
            .Border(unicode ? BoxBorder.Rounded : BoxBorder.Ascii)
            .BorderColor(Color.Grey)
            .Expand();
    }

    /// <summary>Inline markdown to Spectre markup, with everything else escaped.</summary>
    public static string Inline(string text)
    {
        var output = new StringBuilder();
        var position = 0;
        foreach (Match m in InlineSpan().Matches(text))
        {
            output.Append(Markup.Escape(text[position..m.Index]));
            if (m.Groups["code"].Success)
                output.Append("[aqua]").Append(Markup.Escape(m.Groups["code"].Value)).Append("[/]");
            else if (m.Groups["bold"].Success)
                output.Append("[bold]").Append(Markup.Escape(m.Groups["bold"].Value)).Append("[/]");
            else if (m.Groups["italic"].Success)
                output.Append("[italic]").Append(Markup.Escape(m.Groups["italic"].Value)).Append("[/]");
            else if (m.Groups["link"].Success)
                output.Append(Markup.Escape(m.Groups["link"].Value)).Append(" [grey](").Append(Markup.Escape(m.Groups["url"].Value)).Append(")[/]");
            position = m.Index + m.Length;
        }
        output.Append(Markup.Escape(text[position..]));
        return output.ToString();
    }

    [GeneratedRegex(@"^\|[\s:|-]+\|$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<indent>\s*)(?<marker>[-*+]|\d+[.)])\s+(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"`(?<code>[^`]+)`|\*\*(?<bold>[^*]+)\*\*|(?<![\w*])\*(?<italic>[^*\s][^*]*)\*(?![\w*])|(?<![\w_])_(?<italic>[^_\s][^_]*)_(?![\w_])|\[(?<link>[^\]]+)\]\((?<url>[^)]+)\)")]
    private static partial Regex InlineSpan();
}
