using Dyad.Coding;
using Dyad.Store;
using Dyad.Store.Query;

namespace Dyad.Server.Queries;

// The JSON the API answers with, where it differs from the store's own records (flat rows for lists, names joined in).

public sealed record EventPage(long Total, int Offset, int Limit, IReadOnlyList<EventRow> Items);

/// <summary>One deduplicated event as lists show it.</summary>
public sealed record EventRow(
    long Id, string? Date, string? Source, string? SourceName, string? Target, string? TargetName,
    string Code, string Root, int Quad, double Goldstein, string? Plover, string Sentence,
    string DocId, int NumMentions, int NumSources, int NumArticles, string FirstSeen, string LastSeen, EventLocation? Location)
{
    public static EventRow Of(StoredEvent stored)
    {
        var e = stored.Event;
        return new EventRow(stored.Id, e.Date, e.Source, e.SourceName, e.Target, e.TargetName, e.Code, e.Root, e.Quad,
            e.Goldstein, e.Plover, e.Sentence, e.DocId, stored.NumMentions, stored.NumSources, stored.NumArticles,
            Iso(stored.FirstSeen), Iso(stored.LastSeen), e.Location);
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ActorCount(string Code, string? Name, long Events, long Mentions);

public sealed record DyadCount(string Source, string? SourceName, string Target, string? TargetName, long Events, long Mentions);

/// <summary>Nodes are actors; each edge counts events from one actor to another in one quad class.</summary>
public sealed record ActorNetwork(IReadOnlyList<NamedActor> Nodes, IReadOnlyList<ActorLink> Edges);

/// <summary>One sentence's report of an event: the document it is in and the words that were coded.</summary>
public sealed record MentionRow(string DocId, string DocumentDate, string? Outlet, string? Url, int SentenceIndex,
    string Sentence, int CharStart, int CharEnd, string? SourceText, string? VerbText, string? TargetText,
    string? Rule, double Confidence, bool Negated)
{
    public static MentionRow Of(StoredMention stored)
    {
        var m = stored.Mention;
        return new MentionRow(m.DocId, EventRow.Iso(stored.DocumentDate), stored.DocumentSource, stored.DocumentUrl,
            m.SentenceIndex, m.Sentence, m.CharStart, m.CharEnd, m.SourceText, m.VerbText, m.TargetText, m.Rule,
            m.Confidence, m.Negated);
    }
}

/// <summary>One event with its full coding (rule, evidence offsets, place) and every mention across outlets.</summary>
public sealed record EventDetail(EventRow Event, CodedEvent Coding, IReadOnlyList<MentionRow> Mentions);

/// <summary>A coded event as marked in its document: the evidence span, the coded words and the stored event.</summary>
public sealed record DocumentEvent(long EventId, int SentenceIndex, int CharStart, int CharEnd, string Code, int Quad,
    double Goldstein, string? Source, string? Target, string? SourceText, string? VerbText, string? TargetText, string? Rule);

/// <summary>A named entity of a document: offsets into its text, type (PER, ORG, LOC), words, resolved actor code if any.</summary>
public sealed record DocumentEntity(int SentenceIndex, int CharStart, int CharEnd, string Type, string Text, string? Actor);

/// <summary>A quotation (marks included) and who says it: the speaker's words, their offsets and actor code when known.</summary>
public sealed record DocumentQuote(int SentenceIndex, int CharStart, int CharEnd, string Text, string? Speaker,
    string? SpeakerActor, int? SpeakerStart, int? SpeakerEnd);

/// <summary>
/// A document as the store keeps it. The store keeps sentences, not the raw text, so <see cref="Text"/> is the
/// sentences laid at their offsets (gaps between them become spaces); offsets therefore match the original.
/// </summary>
public sealed record DocumentDetail(string Id, string Date, string? Title, string? Outlet, string? Url, string Text,
    IReadOnlyList<StoredSentence> Sentences, IReadOnlyList<DocumentEvent> Events, IReadOnlyList<DocumentEntity> Entities,
    IReadOnlyList<DocumentQuote> Quotes);
