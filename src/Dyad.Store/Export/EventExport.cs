using System.Text;

namespace Dyad.Store.Export;

/// <summary>What an export wrote: records written, and events the format had no place for.</summary>
public readonly record struct ExportResult(long Written, long Skipped);

/// <summary>The <c>dyad export</c> formats: each reads an <see cref="IEventStore"/> and writes one file.</summary>
public static class EventExport
{
    /// <summary>Every format name, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<string> Formats = ["gdelt", "gdelt-mentions", "plover", "icews", "csv", "parquet", "jsonl"];

    /// <summary>Writes the store in a format to a stream (left open).</summary>
    /// <exception cref="ArgumentException">The format is not one of <see cref="Formats"/>.</exception>
    public static ExportResult Write(string format, IEventStore store, Stream output, ExportContext context)
    {
        switch (format)
        {
            case "parquet":
                return new ExportResult(new ParquetEventWriter(FlatColumns.Stored).WriteAll(store.ReadEvents(), output), 0);
            case "gdelt-mentions":
            {
                using var text = TextOutput(output);
                return new ExportResult(new GdeltMentionWriter(text).WriteAll(store.ReadEvents(), store.ReadMentions()), 0);
            }
            default:
            {
                using var text = TextOutput(output);
                var writer = RecordWriter(format, text, context);
                writer.WriteHeader();
                long written = 0, skipped = 0;
                foreach (var e in store.ReadEvents())
                {
                    if (writer.Write(e)) written++;
                    else skipped++;
                }
                return new ExportResult(written, skipped);
            }
        }
    }

    /// <summary>The record writer of a per-event text format (everything but parquet and gdelt-mentions).</summary>
    public static IEventRecordWriter RecordWriter(string format, TextWriter output, ExportContext context) => format switch
    {
        "gdelt" => new GdeltEventWriter(output, context),
        "plover" => new PloverJsonlWriter(output, context),
        "icews" => new IcewsCsvWriter(output, context),
        "csv" => new FlatEventWriter(output, FlatColumns.Stored, DelimitedText.Csv),
        "jsonl" => new StoredEventJsonlWriter(output),
        _ => throw new ArgumentException($"unknown export format '{format}'; expected one of {string.Join(", ", Formats)}", nameof(format)),
    };

    // UTF-8 without a byte-order mark: R, pandas and GDELT tools read BOM-less files, and some choke on the mark.
    private static StreamWriter TextOutput(Stream output) =>
        new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
}
