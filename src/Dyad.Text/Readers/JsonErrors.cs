using System.Text.Json;

namespace Dyad.Text.Readers;

internal static class JsonErrors
{
    /// <summary>
    /// System.Text.Json's message without its "LineNumber: 0 | BytePositionInLine: 89." tail, which counts
    /// from 0 within the parsed record and so misleads; the position is restated relative to the record.
    /// </summary>
    public static string Describe(JsonException e, bool lineOriented)
    {
        var message = e.Message;
        int tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (tail >= 0) message = message[..tail];
        message = message.TrimEnd().TrimEnd('.');
        if (e.BytePositionInLine is not { } column) return message;
        return lineOriented || e.LineNumber is null or 0
            ? $"{message} (at byte {column + 1} of the {(lineOriented ? "line" : "record")})"
            : $"{message} (at byte {column + 1} of the record's line {e.LineNumber + 1})";
    }
}
