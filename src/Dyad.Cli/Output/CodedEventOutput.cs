using Dyad.Coding;
using Dyad.Store.Export;
using Dyad.Text;

namespace Dyad.Cli.Output;

/// <summary>
/// Writes <c>dyad code</c>'s events in the chosen format: jsonl (the CodedEvent objects), tsv (header, then the same
/// fields as columns), plover (PLOVER JSONL) or gdelt (GDELT 2.0 event TSV). The store formats see each sentence's
/// event as an event with one mention.
/// </summary>
internal sealed class CodedEventOutput
{
    public static readonly string[] Formats = ["jsonl", "tsv", "plover", "gdelt"];

    private readonly CodedEventJsonlWriter? _jsonl;
    private readonly IEventRecordWriter? _records;
    private readonly PerSentenceEvents _wrapper = new();

    public CodedEventOutput(string format, TextWriter output)
    {
        if (format == "jsonl")
        {
            _jsonl = new CodedEventJsonlWriter(output);
            return;
        }
        _records = format switch
        {
            "tsv" => new FlatEventWriter(output, FlatColumns.Coded, DelimitedText.EscapedTsv),
            "plover" => new PloverJsonlWriter(output, ExportContext.Shipped()),
            "gdelt" => new GdeltEventWriter(output, ExportContext.Shipped()),
            _ => throw new ArgumentException($"unknown output format '{format}'; expected one of {string.Join(", ", Formats)}", nameof(format)),
        };
        _records.WriteHeader();
    }

    public void Write(Document document, IEnumerable<CodedEvent> events)
    {
        if (_jsonl is not null)
        {
            _jsonl.WriteAll(events);
            return;
        }
        foreach (var e in events) _records!.Write(_wrapper.Wrap(e, document.Date, document.Url));
    }
}
