namespace Dyad.Text.Readers;

/// <summary>Decides an input's format: from its name's extension (without ".gz"), else from its first bytes.</summary>
public static class FormatDetector
{
    public static InputFormat FromName(string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension switch
        {
            ".txt" or ".text" => InputFormat.Text,
            ".jsonl" or ".ndjson" => InputFormat.Jsonl,
            ".json" => InputFormat.Json,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".rss" or ".atom" or ".xml" => InputFormat.Rss,
            _ => InputFormat.Auto,
        };
    }

    /// <summary>
    /// Sniffs the first bytes: a feed root element means RSS/Atom, other markup HTML, "{" JSON lines
    /// (when the first line is a complete object) or JSON, "[" a JSON array, anything else text.
    /// </summary>
    public static InputFormat FromContent(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8LineReader.Bom)) head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        if (head.IsEmpty) return InputFormat.Text;
        if (head[0] == (byte)'[') return InputFormat.Json;
        if (head[0] == (byte)'{')
        {
            // JSON lines when the first line closes the object it opened; a pretty-printed object spans lines.
            int newline = head.IndexOf((byte)'\n');
            var first = newline >= 0 ? head[..newline] : head;
            return first.TrimEnd(" \t\r"u8).EndsWith("}"u8) ? InputFormat.Jsonl : InputFormat.Json;
        }
        if (head[0] == (byte)'<')
        {
            var text = System.Text.Encoding.UTF8.GetString(head[..Math.Min(head.Length, 4096)]).ToLowerInvariant();
            if (text.Contains("<rss") || text.Contains("<feed") || text.Contains("<rdf:rdf")) return InputFormat.Rss;
            return InputFormat.Html;
        }
        return InputFormat.Text;
    }

    public static bool LooksBinary(ReadOnlySpan<byte> head) => head.IndexOf((byte)0) >= 0;
}
