using System.Globalization;
using System.Text.Json;

namespace Dyad.Coding.Evaluation;

/// <summary>One gold line: a text, its publication date and the events a human coder found in it (possibly none).</summary>
public sealed record GoldSentence(string Id, DateOnly Date, string Text, IReadOnlyList<EventTriple> Events);

/// <summary>
/// Reads a gold events file: JSON Lines of <c>{"id", "date", "text", "events": [{"source", "target", "code"}]}</c>.
/// A malformed line is reported with its file and line number and skipped; the others still load.
/// </summary>
public static class GoldEventFile
{
    public static List<GoldSentence> Read(string path, List<string> problems)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, problems);
    }

    public static List<GoldSentence> Read(TextReader reader, string name, List<string> problems)
    {
        var sentences = new List<GoldSentence>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) != null)
        {
            number++;
            if (line.Trim().Length == 0) continue;
            try
            {
                var sentence = Parse(line);
                if (!ids.Add(sentence.Id)) throw new FormatException($"id \"{sentence.Id}\" was used before");
                sentences.Add(sentence);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                problems.Add($"{name}:{number}: {e.Message}; line skipped");
            }
        }
        return sentences;
    }

    private static GoldSentence Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("not a JSON object");
        var id = RequiredString(root, "id");
        var dateText = RequiredString(root, "date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FormatException($"record {id}: date \"{dateText}\" is not yyyy-MM-dd");
        var text = RequiredString(root, "text");
        if (!root.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new FormatException($"record {id}: \"events\" must be an array (empty when the text has no event)");
        var events = new List<EventTriple>();
        foreach (var e in list.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"record {id}: an event is not an object");
            events.Add(new EventTriple(RequiredString(e, "source", id), RequiredString(e, "target", id), RequiredString(e, "code", id)));
        }
        return new GoldSentence(id, date, text, events);
    }

    private static string RequiredString(JsonElement element, string name, string? record = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            throw new FormatException((record == null ? "" : $"record {record}: ") + $"\"{name}\" must be a non-empty string");
        return value.GetString()!;
    }
}
