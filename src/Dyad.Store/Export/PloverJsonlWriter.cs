using System.Buffers;
using System.Text;
using System.Text.Json;
using Dyad.Coding;

namespace Dyad.Store.Export;

/// <summary>
/// <c>plover</c>: one PLOVER/POLECAT-style JSON object per line with the field names of the PLOVER manual's data-fields
/// chapter (id, date, actor, recipient, event, event_loc, event_text, quad_code, mode, context, text, text_info,
/// cite_info, coder), plus Dyad's own named fields the manual allows (cameo_code, goldstein, mention counts ...).
/// Events whose CAMEO code PLOVER drops (01 statements and 02 appeals) have no PLOVER event type and are not written.
/// </summary>
public sealed class PloverJsonlWriter(TextWriter output, ExportContext context) : IEventRecordWriter
{
    public const string Coder = "dyad";

    private static readonly JsonWriterOptions Options = new() { Encoder = CodedEventJsonlWriter.Options.Encoder, SkipValidation = true };

    // PLOVER's country field names these non-state actors with their own three-letter codes (manual, country names).
    private static readonly Dictionary<string, string> OrganizationCodes = new(StringComparer.Ordinal)
    {
        ["IGO"] = "IGO", ["NGO"] = "NGO", ["NGM"] = "NGO", ["IMG"] = "IMG", ["MNC"] = "MNC",
    };

    // CAMEO regions PLOVER treats as one entity: the Palestinian territories are "Palestine" (PSE); Kosovo is "KOS".
    private static readonly Dictionary<string, string> RegionCodes = new(StringComparer.Ordinal)
    {
        ["WSB"] = "PSE", ["GZS"] = "PSE", ["PAL"] = "PSE", ["KSV"] = "KOS", ["KOS"] = "KOS",
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 12);

    public void WriteHeader() { }

    public bool Write(StoredEvent e)
    {
        var coded = e.Event;
        if (coded.Plover is null) return false;
        var type = context.Ontology.Lookup(coded.Code);
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", coded.EventId);
            json.WriteString("date", ExportContext.IsoDate(ExportContext.EventDay(e)));
            WriteEntities(json, "actor", coded.Source, coded.SourceText, coded.SourceName);
            WriteEntities(json, "recipient", coded.Target, coded.TargetText, coded.TargetName);
            WriteList(json, "event", coded.Plover);
            WriteLocation(json, coded.Location);
            WriteList(json, "event_text", coded.VerbText);
            json.WriteNumber("quad_code", coded.Quad);
            WriteList(json, "mode", type?.PloverMode);
            WriteList(json, "context", type?.PloverContext);
            json.WriteString("text", coded.Sentence);
            json.WriteStartObject("text_info");
            json.WriteNumber("sequence", coded.SentenceIndex);
            json.WriteNumber("start", coded.CharStart);
            json.WriteNumber("end", coded.CharEnd);
            json.WriteEndObject();
            json.WriteStartObject("cite_info");
            json.WriteString("citation", coded.DocId);
            if (e.SourceUrl is not null) json.WriteString("url", e.SourceUrl);
            if (ExportContext.HostOf(e.SourceUrl) is { } publication) json.WriteString("publication", publication);
            json.WriteString("coder", Coder);
            json.WriteEndObject();
            json.WriteString("coder", Coder);
            // Dyad's own fields: the CAMEO coding and evidence, and the store's mention counts.
            json.WriteString("cameo_code", coded.Code);
            json.WriteNumber("goldstein", coded.Goldstein);
            json.WriteNumber("confidence", coded.Confidence);
            json.WriteBoolean("negated", coded.Negated);
            if (coded.Rule is not null) json.WriteString("rule", coded.Rule);
            json.WriteString("doc_id", coded.DocId);
            json.WriteNumber("num_mentions", e.NumMentions);
            json.WriteNumber("num_sources", e.NumSources);
            json.WriteNumber("num_articles", e.NumArticles);
            json.WriteString("first_seen", ExportContext.IsoDate(e.FirstSeen));
            json.WriteString("last_seen", ExportContext.IsoDate(e.LastSeen));
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Write('\n');
        return true;
    }

    /// <summary>PLOVER's entity code for a CAMEO actor: ISO 3166 alpha-3, a PLOVER non-state code (UNO, EUR, IGO ...), or null.</summary>
    public static string? EntityCode(ActorParts actor)
    {
        if (actor.KnownGroup == "UNO") return "UNO";
        if (actor.KnownGroup == "EEC") return "EUR";
        if (actor.Country is { } country && RegionCodes.TryGetValue(country, out var region)) return region;
        if (actor.CountryIso3 is { } iso) return iso;
        return actor.Organization is { } organization ? OrganizationCodes.GetValueOrDefault(organization) : null;
    }

    private void WriteEntities(Utf8JsonWriter json, string name, string? code, string? text, string? resolvedName)
    {
        json.WriteStartArray(name);
        if (context.Actors.Decode(code) is { } actor)
        {
            json.WriteStartObject();
            if (EntityCode(actor) is { } entity) json.WriteString("code", entity);
            else json.WriteNull("code");
            if (actor.Sector is { } sector) json.WriteString("sector", sector);
            if (text is not null) json.WriteString("entity_text", text);
            if ((resolvedName ?? actor.Name) is { } identifier) json.WriteString("identifier_text", identifier);
            if (actor.Religion1 is { } religion) json.WriteString("religion", religion);
            if (actor.Ethnic is { } ethnic) json.WriteString("ethnicity", ethnic);
            json.WriteString("cameo", actor.Code);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private void WriteLocation(Utf8JsonWriter json, EventLocation? location)
    {
        if (location is null)
        {
            json.WriteNull("event_loc");
            return;
        }
        json.WriteStartObject("event_loc");
        if (location.Name is { } name) json.WriteString("resolved_place", name);
        if (location.GeonamesId is { } id and > 0) json.WriteNumber("geonameid", id);
        if (location.Lat is { } lat) json.WriteNumber("lat", lat);
        if (location.Lon is { } lon) json.WriteNumber("lon", lon);
        if (location.Lat is not null && location.Name is { } city) json.WriteString("city", city);
        if (location.Admin1 is { } admin1) json.WriteString("province", admin1);
        if (location.Country is { } country)
        {
            if (context.Actors.CountryName(country) is { } countryName) json.WriteString("country", countryName);
            json.WriteString("country_code", country);
        }
        // PLOVER's resolution: 4 city, 2 province, 1 country.
        int resolution = location.Lat is not null ? 4 : location.Admin1 is not null ? 2 : location.Country is not null ? 1 : 0;
        if (resolution > 0) json.WriteNumber("resolution", resolution);
        json.WriteEndObject();
    }

    /// <summary>A list field from a "; "-separated value (PLOVER allows several modes or contexts); empty list when blank.</summary>
    private static void WriteList(Utf8JsonWriter json, string name, string? values)
    {
        json.WriteStartArray(name);
        if (!string.IsNullOrWhiteSpace(values))
            foreach (var value in values.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
