using System.Globalization;
using Dyad.Coding;
using Dyad.Coding.Ontology;

namespace Dyad.Store.Export;

/// <summary>The lookup tables the writers share: actor code parts and CAMEO event names, PLOVER modes and contexts.</summary>
public sealed class ExportContext(ActorDecoder actors, EventOntology ontology)
{
    public ActorDecoder Actors { get; } = actors;
    public EventOntology Ontology { get; } = ontology;

    /// <summary>The shipped CAMEO actor tables and the embedded event ontology.</summary>
    public static ExportContext Shipped() => new(ActorDecoder.Shipped(), EventOntology.Load());

    /// <summary>
    /// The day the event took place: its coded date, else the first publication date (the coder dates events from
    /// the publication when the text names no other day, so the two agree whenever the date is missing).
    /// </summary>
    public static DateOnly EventDay(StoredEvent e) => ParseDate(e.Event.Date) ?? e.FirstSeen;

    public static DateOnly? ParseDate(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>yyyyMMdd, the way GDELT writes a day.</summary>
    public static string CompactDate(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The outlet of a URL ("www.reuters.com/..." -> "reuters.com"), or null.</summary>
    public static string? HostOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }

    /// <summary>The CAMEO name of an event code ("111" -> "Criticize or denounce"), or the code when unknown.</summary>
    public string EventName(CodedEvent e) => Ontology.Lookup(e.Code)?.Name ?? e.Code;
}
