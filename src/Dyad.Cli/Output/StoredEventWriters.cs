using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Store;
using Dyad.Store.Export;

namespace Dyad.Cli.Output;

/// <summary>
/// A stored event as one JSON line: the <c>dyad code</c> fields of its first mention, then the store's
/// <c>event_key</c>, <c>num_mentions</c>, <c>num_sources</c>, <c>num_articles</c>, <c>first_seen</c>, <c>last_seen</c>
/// and <c>source_url</c>.
/// </summary>
internal static class StoredEventJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter writer, StoredEvent e)
    {
        var json = JsonSerializer.SerializeToNode(e.Event, Options)!.AsObject();
        json["event_key"] = e.Id;
        json["num_mentions"] = e.NumMentions;
        json["num_sources"] = e.NumSources;
        json["num_articles"] = e.NumArticles;
        json["first_seen"] = Date(e.FirstSeen);
        json["last_seen"] = Date(e.LastSeen);
        json["source_url"] = e.SourceUrl;
        writer.Write(json.ToJsonString(Options));
        writer.Write('\n');
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>RFC 4180 CSV lines with CRLF endings; the quoting is the exporters' (<see cref="DelimitedText.Csv"/>).</summary>
internal static class Csv
{
    public static void WriteLine(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            DelimitedText.Csv.WriteField(writer, fields[i]);
        }
        writer.Write("\r\n");
    }
}
