using Dyad.Coding;

namespace Dyad.Store;

/// <summary>
/// One deduplicated event as the store keeps it: the coding of its first mention plus GDELT-style mention counts.
/// Exporters and the query API speak this type, so they work the same over every <see cref="IEventStore"/>.
/// </summary>
/// <param name="Id">The store's event number (GDELT's GlobalEventID): stable once assigned.</param>
/// <param name="Event">The coding of the event's first mention (date, actors, code, place, evidence).</param>
/// <param name="NumMentions">Sentences, across all documents, that report this event.</param>
/// <param name="NumSources">Distinct outlets (document source names) among the mentions.</param>
/// <param name="NumArticles">Distinct documents among the mentions.</param>
/// <param name="FirstSeen">Publication date of the earliest document that mentions the event.</param>
/// <param name="LastSeen">Publication date of the latest document that mentions the event.</param>
/// <param name="SourceUrl">URL of the first mentioning document, when it had one.</param>
public sealed record StoredEvent(
    long Id,
    CodedEvent Event,
    int NumMentions,
    int NumSources,
    int NumArticles,
    DateOnly FirstSeen,
    DateOnly LastSeen,
    string? SourceUrl);

/// <summary>One sentence's report of a stored event (GDELT's Mentions table).</summary>
/// <param name="EventId">The <see cref="StoredEvent.Id"/> this mention was merged into.</param>
/// <param name="DocumentDate">Publication date of the mentioning document.</param>
/// <param name="DocumentSource">Outlet name of the mentioning document (e.g. "reuters.com"), when known.</param>
/// <param name="DocumentUrl">URL of the mentioning document, when known.</param>
/// <param name="DocumentLength">Length in characters of the mentioning document's text.</param>
/// <param name="Mention">The per-sentence coding as <c>dyad code</c> produced it (doc id, sentence, offsets, rule).</param>
public sealed record StoredMention(
    long EventId,
    DateOnly DocumentDate,
    string? DocumentSource,
    string? DocumentUrl,
    int DocumentLength,
    CodedEvent Mention);
