using System.Text.Json.Serialization;
using Dyad.Coding.Ontology;

namespace Dyad.Coding;

/// <summary>Where an event took place, resolved against GeoNames when possible.</summary>
public sealed record EventLocation
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>ISO 3166 alpha-3 country code.</summary>
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("admin1")] public string? Admin1 { get; init; }
    [JsonPropertyName("lat")] public double? Lat { get; init; }
    [JsonPropertyName("lon")] public double? Lon { get; init; }
    [JsonPropertyName("geonames_id")] public long? GeonamesId { get; init; }
}

/// <summary>
/// One coded event: who (source) did what (CAMEO code) to whom (target), in which sentence of which document,
/// with the evidence text and the rule that produced it. Field names follow docs/events.md exactly.
/// </summary>
public sealed record CodedEvent
{
    [JsonPropertyName("event_id")] public string EventId { get; init; } = "";
    [JsonPropertyName("doc_id")] public string DocId { get; init; } = "";
    [JsonPropertyName("sentence_index")] public int SentenceIndex { get; init; }
    /// <summary>Event date as ISO 8601 (yyyy-MM-dd), or null when unknown.</summary>
    [JsonPropertyName("date")] public string? Date { get; init; }
    /// <summary>CAMEO actor code of the source (e.g. "USAGOV").</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("code")] public string Code { get; init; } = "";
    [JsonPropertyName("root")] public string Root { get; init; } = "";
    [JsonPropertyName("quad")] public int Quad { get; init; }
    [JsonPropertyName("goldstein")] public double Goldstein { get; init; }
    /// <summary>PLOVER event type; null for CAMEO 01 and 02, which PLOVER drops.</summary>
    [JsonPropertyName("plover")] public string? Plover { get; init; }
    [JsonPropertyName("source_name")] public string? SourceName { get; init; }
    [JsonPropertyName("target_name")] public string? TargetName { get; init; }
    [JsonPropertyName("source_text")] public string? SourceText { get; init; }
    [JsonPropertyName("target_text")] public string? TargetText { get; init; }
    [JsonPropertyName("verb_text")] public string? VerbText { get; init; }
    [JsonPropertyName("sentence")] public string Sentence { get; init; } = "";
    /// <summary>Start of the event's evidence span, a character offset into the document text.</summary>
    [JsonPropertyName("char_start")] public int CharStart { get; init; }
    /// <summary>End (exclusive) of the event's evidence span.</summary>
    [JsonPropertyName("char_end")] public int CharEnd { get; init; }
    [JsonPropertyName("location")] public EventLocation? Location { get; init; }
    [JsonPropertyName("negated")] public bool Negated { get; init; }
    [JsonPropertyName("confidence")] public double Confidence { get; init; }
    /// <summary>The lexicon rule that coded the event: "file:line pattern".</summary>
    [JsonPropertyName("rule")] public string? Rule { get; init; }
    /// <summary>Optional trace of the coding decisions, written only when explanations are requested.</summary>
    [JsonPropertyName("explain")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Explain { get; init; }

    /// <summary>This event with its code and the code's root, quad class, Goldstein score and PLOVER type filled in.</summary>
    public CodedEvent WithEventType(EventType type) => this with
    {
        Code = type.Code,
        Root = type.Root,
        Quad = type.Quad,
        Goldstein = type.Goldstein,
        Plover = type.PloverType.Length > 0 ? type.PloverType : null,
    };
}
