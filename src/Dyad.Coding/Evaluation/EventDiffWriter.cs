using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// Writes one JSON line per compared text for error analysis: id, text, expected, got (with the verb, phrases and
/// rule behind each coded event), missing, extra, the near-miss classification of what differs, and optionally
/// the parse with resolved actors.
/// </summary>
public sealed class EventDiffWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _writer;
    private readonly MemoryStream _buffer = new();

    public EventDiffWriter(TextWriter writer) => _writer = writer;

    public void Write(EventComparison c)
    {
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", c.Id);
            if (c.Category != null) json.WriteString("category", c.Category);
            json.WriteString("text", c.Text);
            json.WriteBoolean("exact", c.Full.Exact);
            WriteTriples(json, "expected", c.Expected);
            json.WriteStartArray("got");
            foreach (var e in c.Got)
            {
                json.WriteStartObject();
                WriteTripleFields(json, EventTriple.Of(e));
                json.WriteString("verb", e.VerbText);
                json.WriteString("source_text", e.SourceText);
                json.WriteString("target_text", e.TargetText);
                json.WriteString("rule", e.Rule);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteTriples(json, "missing", c.Full.Missing);
            WriteTriples(json, "extra", c.Full.Extra);
            json.WriteStartArray("mismatches");
            foreach (var m in c.Mismatches)
            {
                json.WriteStartObject();
                json.WriteString("kind", KindName(m.Kind));
                if (m.Gold is { } gold) { json.WritePropertyName("gold"); WriteTriple(json, gold); }
                if (m.Got is { } got) { json.WritePropertyName("got"); WriteTriple(json, got); }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (c.Causes is { Count: > 0 })
            {
                json.WriteStartArray("causes");
                foreach (var cause in c.Causes) json.WriteStringValue(FailureCauses.Name(cause));
                json.WriteEndArray();
            }
            if (c.Parse != null)
            {
                json.WriteStartArray("parse");
                foreach (var line in c.Parse) json.WriteStringValue(line);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        _writer.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _writer.Write('\n');
    }

    /// <summary>The snake_case name used in diffs and reports ("wrong_code", "not_coded").</summary>
    public static string KindName(MismatchKind kind) => kind switch
    {
        MismatchKind.WrongCode => "wrong_code",
        MismatchKind.SwappedRoles => "swapped_roles",
        MismatchKind.WrongSource => "wrong_source",
        MismatchKind.WrongTarget => "wrong_target",
        MismatchKind.NotCoded => "not_coded",
        MismatchKind.Spurious => "spurious",
        _ => kind.ToString(),
    };

    private static void WriteTriples(Utf8JsonWriter json, string name, IReadOnlyList<EventTriple> triples)
    {
        json.WriteStartArray(name);
        foreach (var t in triples) WriteTriple(json, t);
        json.WriteEndArray();
    }

    private static void WriteTriple(Utf8JsonWriter json, EventTriple t)
    {
        json.WriteStartObject();
        WriteTripleFields(json, t);
        json.WriteEndObject();
    }

    private static void WriteTripleFields(Utf8JsonWriter json, EventTriple t)
    {
        json.WriteString("source", t.Source);
        json.WriteString("target", t.Target);
        json.WriteString("code", t.Code);
    }

    public void Dispose()
    {
        _writer.Flush();
        _buffer.Dispose();
    }
}
