using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Spectre.Console;
using Spectre.Console.Rendering;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using Table = Spectre.Console.Table;

namespace SocketCourse.Tool.Rendering;

/// <summary>
/// Markdown made readable in a terminal. Markdig parses it (CommonMark, with pipe tables); Spectre.Console draws
/// it: headings as rules and bold lines, paragraphs rewrapped, lists with bullets, **bold**, *italic* and `code`
/// styled, links with their address, fenced code in a panel, a Mermaid diagram as a labelled block, tables as tables.
/// </summary>
public static class MarkdownView
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>The renderables for <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<IRenderable> Render(string markdown, bool unicode = true)
    {
        var document = Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
        var blocks = new List<IRenderable>();
        foreach (var block in document)
            blocks.AddRange(Block(block, unicode, depth: 0));
        return blocks;
    }

    /// <summary>Inline Markdown (one paragraph) as Spectre markup, everything else escaped.</summary>
    public static string Inline(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        return string.Join(" ", document.OfType<LeafBlock>().Select(b => Inlines(b.Inline)));
    }

    private static IEnumerable<IRenderable> Block(Block block, bool unicode, int depth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var text = Inlines(heading.Inline);
                yield return heading.Level switch
                {
                    1 => new Rule($"[bold]{text}[/]") { Justification = Justify.Left, Border = unicode ? BoxBorder.Double : BoxBorder.Ascii },
                    2 => new Rule($"[bold]{text}[/]") { Justification = Justify.Left, Border = unicode ? BoxBorder.Square : BoxBorder.Ascii },
                    _ => new Markup($"[bold underline]{text}[/]"),
                };
                break;
            case FencedCodeBlock fenced:
                yield return CodeBlock(Code(fenced), fenced.Info ?? "", unicode);
                break;
            case CodeBlock code:
                yield return CodeBlock(Code(code), "", unicode);
                break;
            case ListBlock list:
                yield return List(list, unicode, depth);
                break;
            case QuoteBlock quote:
                var quoted = string.Join(" ", quote.Descendants<LeafBlock>().Select(b => Inlines(b.Inline)));
                yield return new Markup($"[italic]{(unicode ? "│" : "|")} {quoted}[/]");
                break;
            case MarkdownTable table:
                yield return TableBlock(table, unicode);
                break;
            case ThematicBreakBlock:
                yield return new Rule { Border = unicode ? BoxBorder.Square : BoxBorder.Ascii };
                break;
            case HtmlBlock html:
                yield return new Markup($"[grey]{Markup.Escape(Code(html))}[/]");
                break;
            case LeafBlock leaf:
                yield return new Markup(Inlines(leaf.Inline));
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    foreach (var rendered in Block(child, unicode, depth))
                        yield return rendered;
                }
                break;
        }
    }

    /// <summary>A list as one block (items are not spaced out like paragraphs); nested lists indented under their item.</summary>
    private static ListBlockView List(ListBlock list, bool unicode, int depth)
    {
        var items = new List<IRenderable>();
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter}" : unicode ? "•" : "*";
            var text = string.Join(" ", item.OfType<LeafBlock>().Select(b => Inlines(b.Inline)));
            items.Add(new Padder(new Markup($"{Markup.Escape(marker)} {text}"), new Padding(2 * depth + 2, 0, 0, 0)));
            foreach (var nested in item.OfType<ListBlock>())
                items.AddRange(List(nested, unicode, depth + 1).Items);
        }
        return new ListBlockView(items);
    }

    private static IRenderable TableBlock(MarkdownTable markdown, bool unicode)
    {
        var rows = markdown.OfType<Markdig.Extensions.Tables.TableRow>().Select(r => r.OfType<Markdig.Extensions.Tables.TableCell>().Select(c => string.Join(" ", c.OfType<LeafBlock>().Select(b => Inlines(b.Inline)))).ToList()).ToList();
        if (rows.Count == 0)
            return new Text("");
        var width = rows.Max(r => r.Count);
        var table = new Table().Border(unicode ? TableBorder.Rounded : TableBorder.Ascii);
        foreach (var header in rows[0].Concat(Enumerable.Repeat("", width - rows[0].Count)))
            table.AddColumn(new TableColumn(new Markup($"[bold]{header}[/]")));
        foreach (var row in rows.Skip(1))
            table.AddRow([.. row.Concat(Enumerable.Repeat("", width - row.Count)).Take(width).Select(c => new Markup(c))]);
        return table;
    }

    /// <summary>Consecutive list items, shown together.</summary>
    private sealed class ListBlockView(List<IRenderable> items) : IRenderable
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

    private static string Code(LeafBlock block) =>
        string.Join("\n", block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));

    /// <summary>Inline Markdown to Spectre markup: code aqua, strong bold, emphasis italic, links with their address in grey.</summary>
    private static string Inlines(ContainerInline? container)
    {
        var output = new StringBuilder();
        if (container is null)
            return "";
        foreach (var inline in container)
        {
            switch (inline)
            {
                case CodeInline code:
                    output.Append("[aqua]").Append(Markup.Escape(code.Content)).Append("[/]");
                    break;
                case EmphasisInline emphasis:
                    var style = emphasis.DelimiterCount >= 2 ? "bold" : "italic";
                    output.Append('[').Append(style).Append(']').Append(Inlines(emphasis)).Append("[/]");
                    break;
                case LinkInline { IsImage: false } link:
                    output.Append(Inlines(link)).Append(" [grey](").Append(Markup.Escape(link.Url ?? "")).Append(")[/]");
                    break;
                case AutolinkInline autolink:
                    output.Append(Markup.Escape(autolink.Url));
                    break;
                case LineBreakInline lineBreak:
                    output.Append(lineBreak.IsHard ? "\n" : " ");
                    break;
                case LiteralInline literal:
                    output.Append(Markup.Escape(literal.Content.ToString()));
                    break;
                case HtmlInline html:
                    output.Append(Markup.Escape(html.Tag));
                    break;
                case ContainerInline nested:
                    output.Append(Inlines(nested));
                    break;
                default:
                    output.Append(Markup.Escape(inline.ToString() ?? ""));
                    break;
            }
        }
        return output.ToString();
    }
}
