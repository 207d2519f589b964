using System.Buffers;

namespace Dyad.Store.Export;

/// <summary>How one field goes into a delimited line: RFC 4180 quoting for CSV, escapes or blanking for TSV.</summary>
public abstract class DelimitedText
{
    /// <summary>RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled.</summary>
    public static readonly DelimitedText Csv = new CsvText();

    /// <summary>Tab-separated with backslash escapes (\t \n \r \\), the convention of PostgreSQL's text COPY and of pandas' escapechar.</summary>
    public static readonly DelimitedText EscapedTsv = new EscapedTsvText();

    /// <summary>Tab-separated as GDELT writes it: no quoting or escapes, so tabs and line breaks inside a field become spaces.</summary>
    public static readonly DelimitedText PlainTsv = new PlainTsvText();

    public abstract char Separator { get; }

    /// <summary>The characters that stop a field from being written as it is.</summary>
    protected abstract SearchValues<char> Special { get; }

    /// <summary>Writes one field: as it is when it holds no special character, else in the format's escaped form.</summary>
    public void WriteField(TextWriter output, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(Special) < 0) output.Write(value);
        else WriteEscaped(output, value);
    }

    /// <summary>Writes a field that holds at least one of <see cref="Special"/>.</summary>
    protected abstract void WriteEscaped(TextWriter output, string value);

    /// <summary>Writes the fields separated, then a line feed.</summary>
    public void WriteLine(TextWriter output, IReadOnlyList<string?> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) output.Write(Separator);
            WriteField(output, fields[i]);
        }
        output.Write('\n');
    }

    private sealed class CsvText : DelimitedText
    {
        private static readonly SearchValues<char> Quoted = SearchValues.Create(",\"\r\n");

        public override char Separator => ',';
        protected override SearchValues<char> Special => Quoted;

        protected override void WriteEscaped(TextWriter output, string value)
        {
            output.Write('"');
            output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            output.Write('"');
        }
    }

    private sealed class EscapedTsvText : DelimitedText
    {
        private static readonly SearchValues<char> Escaped = SearchValues.Create("\t\r\n\\");

        public override char Separator => '\t';
        protected override SearchValues<char> Special => Escaped;

        protected override void WriteEscaped(TextWriter output, string value)
        {
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\t': output.Write("\\t"); break;
                    case '\n': output.Write("\\n"); break;
                    case '\r': output.Write("\\r"); break;
                    case '\\': output.Write("\\\\"); break;
                    default: output.Write(c); break;
                }
            }
        }
    }

    private sealed class PlainTsvText : DelimitedText
    {
        private static readonly SearchValues<char> Blanked = SearchValues.Create("\t\r\n");

        public override char Separator => '\t';
        protected override SearchValues<char> Special => Blanked;

        protected override void WriteEscaped(TextWriter output, string value)
        {
            foreach (var c in value) output.Write(c is '\t' or '\r' or '\n' ? ' ' : c);
        }
    }
}
