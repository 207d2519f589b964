using System.Buffers;
using System.Text;
using System.Text.Json;
using Dyad.Coding;

namespace Dyad.Store.Export;

/// <summary>
/// <c>jsonl</c>: one line per deduplicated event, the <c>dyad code</c> object (same fields, order and escaping) followed
/// by num_mentions, num_sources, num_articles, first_seen, last_seen, global_event_id and source_url.
/// </summary>
public sealed class StoredEventJsonlWriter(TextWriter output) : IEventRecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 12);

    public void WriteHeader() { }

    public bool Write(StoredEvent e)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = CodedEventJsonlWriter.Options.Encoder, SkipValidation = true }))
        {
            json.WriteStartObject();
            // The coded event's own members, written by the same serializer `dyad code` uses, then the store's.
            using (var coded = JsonSerializer.SerializeToDocument(e.Event, CodedEventJsonlWriter.Options))
                foreach (var member in coded.RootElement.EnumerateObject()) member.WriteTo(json);
            json.WriteNumber("num_mentions", e.NumMentions);
            json.WriteNumber("num_sources", e.NumSources);
            json.WriteNumber("num_articles", e.NumArticles);
            json.WriteString("first_seen", ExportContext.IsoDate(e.FirstSeen));
            json.WriteString("last_seen", ExportContext.IsoDate(e.LastSeen));
            json.WriteNumber("global_event_id", e.Id);
            if (e.SourceUrl is null) json.WriteNull("source_url");
            else json.WriteString("source_url", e.SourceUrl);
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Write('\n');
        return true;
    }
}
