using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Text.Readers;

namespace Dyad.Cli.Input;

/// <summary>Writes skipped records as JSON lines: {"file","line","record","reason","message","raw"}.</summary>
internal sealed class RejectsWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;

    public RejectsWriter(string path)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _json = new Utf8JsonWriter(_stream, Options);
    }

    public void Write(Rejection rejection)
    {
        _json.WriteStartObject();
        _json.WriteString("file", rejection.File);
        if (rejection.Line is { } line) _json.WriteNumber("line", line); else _json.WriteNull("line");
        if (rejection.Record is { } record) _json.WriteNumber("record", record); else _json.WriteNull("record");
        _json.WriteString("reason", rejection.Reason.Code());
        _json.WriteString("message", rejection.Message);
        if (rejection.Raw is { } raw) _json.WriteString("raw", raw); else _json.WriteNull("raw");
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
