using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dyad.Coding;

/// <summary>Writes coded events as JSON Lines: one compact object per line, fields in the documented order.</summary>
public sealed class CodedEventJsonlWriter
{
    /// <summary>The serializer settings of every CodedEvent JSON line (exporters reuse them so their lines match).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        // Evidence sentences contain quotes and non-ASCII names: keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter _writer;

    public CodedEventJsonlWriter(TextWriter writer) => _writer = writer;

    public void Write(CodedEvent e)
    {
        _writer.Write(JsonSerializer.Serialize(e, Options));
        _writer.Write('\n');
    }

    public void WriteAll(IEnumerable<CodedEvent> events)
    {
        foreach (var e in events) Write(e);
    }

    /// <summary>Reads one line written by <see cref="Write"/>.</summary>
    public static CodedEvent Parse(string line) =>
        JsonSerializer.Deserialize<CodedEvent>(line, Options) ?? throw new FormatException("a JSON event line was null");
}
