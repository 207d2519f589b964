using System.Text.Json;

namespace Dyad.Text.Readers;

/// <summary>Maps one parsed JSON record to a document using the configured field names.</summary>
internal static class JsonRecordMapper
{
    public static ReadOutcome Map(JsonElement record, InputSource source, ReaderOptions options, long recordNumber, long? line, bool lineOriented, string raw)
    {
        var fields = options.Fields;
        long? recordForRejection = lineOriented ? null : recordNumber;
        ReadOutcome Reject(RejectReason reason, string message) =>
            ReadOutcome.Of(new Rejection(source.DisplayName, line, recordForRejection, reason, message, Rejection.Truncate(raw)));

        if (record.ValueKind != JsonValueKind.Object)
            return Reject(RejectReason.Malformed, $"the record is a JSON {record.ValueKind.ToString().ToLowerInvariant()}, not an object");

        var textValue = Find(record, fields.Text);
        if (textValue is null || textValue.Value.ValueKind == JsonValueKind.Null)
            return Reject(RejectReason.EmptyText, $"no '{fields.Text}' field (map another field with --text-field)");
        if (textValue.Value.ValueKind != JsonValueKind.String)
            return Reject(RejectReason.Malformed, $"field '{fields.Text}' is a {textValue.Value.ValueKind.ToString().ToLowerInvariant()}, not a string");
        var text = textValue.Value.GetString()!.Trim();
        if (text.Length == 0) return Reject(RejectReason.EmptyText, $"field '{fields.Text}' is empty");

        DateOnly date;
        var dateValue = Find(record, fields.Date);
        string? dateText = dateValue?.ValueKind switch
        {
            JsonValueKind.String => dateValue.Value.GetString(),
            JsonValueKind.Number => dateValue.Value.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(dateText))
        {
            if (options.DefaultDate is { } fallback) date = fallback;
            else return Reject(RejectReason.MissingDate, $"no '{fields.Date}' field and no --date was given");
        }
        else if (!DateParser.TryParse(dateText, out date, out var error))
            return Reject(RejectReason.InvalidDate, $"field '{fields.Date}': {error}");

        var id = Scalar(record, fields.Id);
        if (string.IsNullOrWhiteSpace(id)) id = $"{source.IdStem}#{recordNumber}";

        return ReadOutcome.Of(new Document(id, date, text)
        {
            Title = Scalar(record, fields.Title),
            Url = Scalar(record, fields.Url),
            Source = Scalar(record, fields.Source),
            Language = Scalar(record, fields.Language),
        });
    }

    /// <summary>Follows a dotted path ("meta.published") through nested objects.</summary>
    private static JsonElement? Find(JsonElement record, string path)
    {
        var current = record;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out var next)) return null;
            current = next;
        }
        return current;
    }

    private static string? Scalar(JsonElement record, string path)
    {
        var value = Find(record, path);
        return value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.Value.GetRawText(),
            _ => null,
        };
    }
}
