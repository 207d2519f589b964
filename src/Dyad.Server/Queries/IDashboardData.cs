using Dyad.Coding;

namespace Dyad.Server.Queries;

/// <summary>
/// Everything the HTTP API reads, in the shapes it answers with. The store adapter implements it; the endpoints only
/// validate requests and serialize these results.
/// </summary>
public interface IDashboardData
{
    EventPage Events(EventQuery query, int offset, int limit);
    IReadOnlyList<SeriesPoint> Series(EventQuery query, SeriesBucket bucket);
    IReadOnlyList<ActorCount> TopActors(EventQuery query, int limit);
    IReadOnlyList<DyadCount> TopDyads(EventQuery query, int limit);
    ActorNetwork Network(EventQuery query, int maxNodes);
    IReadOnlyList<PlaceCount> Places(EventQuery query, int limit);
    IReadOnlyList<ActorCount> Actors(string prefix, int limit);
    EventDetail? Event(long id);
    DocumentDetail? Document(string docId);
    StoreSummary Summary();
}

public sealed record EventPage(long Total, int Offset, int Limit, IReadOnlyList<EventRow> Items);

/// <summary>One deduplicated event as lists show it.</summary>
public sealed record EventRow(
    long Id, string? Date, string? Source, string? SourceName, string? Target, string? TargetName,
    string Code, string Root, int Quad, double Goldstein, string? Plover, string Sentence,
    string DocId, int NumMentions, int NumSources, int NumArticles, EventLocation? Location);

/// <summary>Counts per quad class (1 verbal cooperation .. 4 material conflict) in one time bucket.</summary>
public sealed record SeriesPoint(string Period, string Start, long Events, long Q1, long Q2, long Q3, long Q4,
    double GoldsteinSum, double GoldsteinMean);

public sealed record ActorCount(string Code, string? Name, long Events);

public sealed record DyadCount(string Source, string? SourceName, string Target, string? TargetName, long Events,
    double GoldsteinMean, long Q1, long Q2, long Q3, long Q4);

public sealed record NetworkNode(string Id, string? Name, long Events);

/// <summary>Events from one actor to another in one quad class.</summary>
public sealed record NetworkEdge(string Source, string Target, int Quad, long Weight);

public sealed record ActorNetwork(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges);

public sealed record PlaceCount(string? Name, string? Country, double? Lat, double? Lon, long Events,
    long Q1, long Q2, long Q3, long Q4);

/// <summary>One sentence's report of an event, with where it sits in its document.</summary>
public sealed record MentionRow(string DocId, string DocumentDate, string? Outlet, string? Url, int SentenceIndex,
    string Sentence, int CharStart, int CharEnd, string? SourceText, string? VerbText, string? TargetText,
    string? Rule, double Confidence, bool Negated);

public sealed record EventDetail(EventRow Event, CodedEvent Coding, IReadOnlyList<MentionRow> Mentions);

public sealed record SentenceSpan(int Index, int Start, int End, string Text);

/// <summary>A coded event as marked in its document: its evidence span and the parts of it.</summary>
public sealed record DocumentEvent(long? EventId, int SentenceIndex, int CharStart, int CharEnd, string Code,
    int Quad, string? Source, string? Target, string? SourceText, string? VerbText, string? TargetText, string? Rule);

public sealed record DocumentDetail(string Id, string? Date, string? Title, string? Outlet, string? Url,
    string? Text, IReadOnlyList<SentenceSpan> Sentences, IReadOnlyList<DocumentEvent> Events);

public sealed record StoreSummary(long Events, long Mentions, long Documents, string? FirstDate, string? LastDate);
