using System.Text.Json;

namespace Dyad.Text.Readers;

/// <summary>One JSON object per line. A broken line is rejected by its number and reading goes on with the next.</summary>
internal sealed class JsonlReader : IFormatReader
{
    public IEnumerable<ReadOutcome> Read(InputSource source, Stream stream, ReaderOptions options)
    {
        var lines = new Utf8LineReader(stream, options.MaxDocumentBytes);
        while (lines.TryRead(out var line))
        {
            if (line.TooLong)
            {
                yield return ReadOutcome.Of(new Rejection(source.DisplayName, line.Number, null, RejectReason.TooLarge,
                    $"the line has {line.ByteLength:N0} bytes, more than the limit of {options.MaxDocumentBytes:N0} (--max-doc-bytes)", line.Preview));
                continue;
            }
            if (line.InvalidUtf8)
            {
                yield return ReadOutcome.Of(new Rejection(source.DisplayName, line.Number, null, RejectReason.InvalidUtf8, "the line is not valid UTF-8", line.Preview));
                continue;
            }
            var text = line.Text!;
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return Parse(text, source, options, line.Number);
        }
    }

    private static ReadOutcome Parse(string text, InputSource source, ReaderOptions options, long lineNumber)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return ReadOutcome.Of(new Rejection(source.DisplayName, lineNumber, null, RejectReason.Malformed,
                $"broken JSON: {JsonErrors.Describe(e, lineOriented: true)}", Rejection.Truncate(text)));
        }
        using (json)
            return JsonRecordMapper.Map(json.RootElement, source, options, lineNumber, lineNumber, lineOriented: true, text);
    }
}
