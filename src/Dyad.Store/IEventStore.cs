using Dyad.Coding;
using Dyad.Knowledge.Learning;
using Dyad.Store.Ingest;
using Dyad.Store.Query;

namespace Dyad.Store;

/// <summary>
/// What the CLI, the HTTP server and the cluster need from an event store. Store-neutral on purpose: the embedded
/// DuckDB store implements it today, a PostgreSQL store later.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Every deduplicated event in store order (by <see cref="StoredEvent.Id"/>), streamed.</summary>
    IEnumerable<StoredEvent> ReadEvents();

    /// <summary>Every mention in store order (by event, then document and sentence), streamed.</summary>
    IEnumerable<StoredMention> ReadMentions();
}

/// <summary>
/// A store that also ingests and answers queries (dyad ingest, query, stats, top, actors learned). Separate from
/// <see cref="IEventStore"/> so that code needing only to read events (exporters, their test doubles) stays small.
/// </summary>
public interface IQueryableEventStore : IEventStore
{

    /// <summary>For each document, whether one with its id or its content hash is stored already (ingest skips it).</summary>
    IReadOnlyList<DocumentPresence> Find(IReadOnlyList<(string Id, string ContentHash)> documents);

    /// <summary>Records the start of an ingest run; returns its id.</summary>
    long BeginRun(string inputs, string? dyadVersion);

    /// <summary>
    /// Stores a batch of coded documents atomically: all of its new documents with their sentences, mentions and
    /// learned actors, the events the mentions create or join, or nothing. Documents already stored are skipped.
    /// </summary>
    IngestBatchResult Ingest(long runId, IReadOnlyList<IngestDocument> batch);

    /// <summary>Marks a run finished and records how many input records its reader skipped.</summary>
    void FinishRun(long runId, long recordsSkipped);

    /// <summary>The page of events matching every filter, by event date then id.</summary>
    IEnumerable<StoredEvent> Query(EventQuery query);

    /// <summary>Matching events grouped by period: counts per quad class, Goldstein sum and mean.</summary>
    IReadOnlyList<PeriodStats> Stats(EventQuery filter, StatsPeriod by);

    /// <summary>The actors, directed dyads or codes with the most matching events.</summary>
    IReadOnlyList<TopEntry> Top(TopKind kind, EventQuery filter, int limit);

    StoreCounts Counts();

    /// <summary>People whose roles the ingested news stated, with every stating sentence.</summary>
    IReadOnlyList<LearnedActor> ReadLearnedActors();

    /// <summary>
    /// The named entities and quotes stored with a document, in text order; null when no document has this id. Empty
    /// for documents stored before the store kept them.
    /// </summary>
    DocumentMarks? ReadMarks(string documentId);
}
