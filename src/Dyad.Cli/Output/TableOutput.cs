using Spectre.Console;

namespace Dyad.Cli.Output;

/// <summary>
/// Writes rows as a table: drawn with Spectre.Console when the output is a terminal, else as plain columns padded
/// with spaces (stable for scripts, diffs and tests).
/// </summary>
internal static class TableOutput
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, ISet<int>? rightAligned = null)
    {
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            var table = new Table().Border(TableBorder.Rounded);
            for (int c = 0; c < headers.Count; c++)
            {
                var column = new TableColumn(Markup.Escape(headers[c]));
                if (rightAligned?.Contains(c) == true) column.RightAligned();
                table.AddColumn(column);
            }
            foreach (var row in rows) table.AddRow(row.Select(cell => new Spectre.Console.Text(cell)).ToArray<Spectre.Console.Rendering.IRenderable>());
            AnsiConsole.Write(table);
            return;
        }
        var widths = new int[headers.Count];
        for (int c = 0; c < headers.Count; c++) widths[c] = headers[c].Length;
        foreach (var row in rows)
            for (int c = 0; c < row.Length; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        WriteLine(output, headers.ToArray(), widths, rightAligned);
        foreach (var row in rows) WriteLine(output, row, widths, rightAligned);
    }

    private static void WriteLine(TextWriter output, string[] cells, int[] widths, ISet<int>? rightAligned)
    {
        var line = new System.Text.StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0) line.Append("  ");
            bool last = c == cells.Length - 1;
            if (rightAligned?.Contains(c) == true) line.Append(cells[c].PadLeft(widths[c]));
            else line.Append(last ? cells[c] : cells[c].PadRight(widths[c]));
        }
        output.WriteLine(line.ToString());
    }
}
