using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Dyad.Text.Readers;

/// <summary>
/// Plain text from HTML with paragraph structure kept: block elements become blank-line breaks,
/// <c>br</c> a line break, runs of whitespace one space; scripts and styles are dropped.
/// Node.TextContent would glue "&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;" into "One.Two.", which breaks sentence splitting.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr",
        "section", "article", "header", "footer", "aside", "figure", "figcaption", "dl", "dt", "dd", "hr", "main", "nav",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "head",
    };

    /// <summary>Text of an HTML fragment or page; plain text without markup comes back with whitespace tidied.</summary>
    public static string FromHtml(string html)
    {
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return Tidy(html);
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        return FromNode(document.Body ?? (INode)document.DocumentElement);
    }

    public static string FromNode(INode node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        return Finish(sb);
    }

    private static void Append(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(text.Data, sb);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName.Equals("br", StringComparison.OrdinalIgnoreCase):
                    TrimTrailingSpace(sb);
                    sb.Append('\n');
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Break(sb);
                    Append(element, sb);
                    Break(sb);
                    break;
                case IElement element:
                    Append(element, sb);
                    break;
            }
        }
    }

    private static void AppendCollapsed(string data, StringBuilder sb)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(' ');
            }
            else sb.Append(c);
        }
    }

    private static void Break(StringBuilder sb)
    {
        TrimTrailingSpace(sb);
        if (sb.Length == 0) return;
        if (sb[^1] != '\n') sb.Append('\n');
        if (sb.Length < 2 || sb[^2] != '\n') sb.Append('\n');
    }

    private static void TrimTrailingSpace(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] is ' ' or '\t') sb.Length--;
    }

    private static string Finish(StringBuilder sb)
    {
        // Lines may start with the space that followed a block boundary in the source.
        var text = sb.ToString();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++) lines[i] = lines[i].Trim();
        return string.Join('\n', lines).Trim();
    }

    private static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n");
        foreach (var p in paragraphs)
        {
            Break(sb);
            AppendCollapsed(p, sb);
        }
        return Finish(sb);
    }
}
