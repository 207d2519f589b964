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

    public abstract void WriteField(TextWriter output, string? value);

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
        private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

        public override char Separator => ',';

        public override void WriteField(TextWriter output, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (value.AsSpan().IndexOfAny(Special) < 0)
            {
                output.Write(value);
                return;
            }
            output.Write('"');
            output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            output.Write('"');
        }
    }

    private sealed class EscapedTsvText : DelimitedText
    {
        private static readonly SearchValues<char> Special = SearchValues.Create("\t\r\n\\");

        public override char Separator => '\t';

        public override void WriteField(TextWriter output, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (value.AsSpan().IndexOfAny(Special) < 0)
            {
                output.Write(value);
                return;
            }
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
        private static readonly SearchValues<char> Special = SearchValues.Create("\t\r\n");

        public override char Separator => '\t';

        public override void WriteField(TextWriter output, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (value.AsSpan().IndexOfAny(Special) < 0)
            {
                output.Write(value);
                return;
            }
            foreach (var c in value) output.Write(c is '\t' or '\r' or '\n' ? ' ' : c);
        }
    }
}
