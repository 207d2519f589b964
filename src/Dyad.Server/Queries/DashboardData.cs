using System.Text;
using Dyad.Coding;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Dyad.Store.Query;

namespace Dyad.Server.Queries;

/// <summary>
/// Everything the HTTP API reads, answered from the DuckDB store. The store has one connection, which is not
/// thread-safe, so every call (and every ingest batch, through <see cref="Write"/>) holds one lock; queries are short
/// and results are materialized inside it. Answers are kept (<see cref="AnswerCache"/>) until a write changes the store.
/// </summary>
public sealed class DashboardData(DuckDbEventStore store)
{
    private readonly Lock _gate = new();
    private readonly BrowseQueries _browse = new(store);
    private readonly AnswerCache _cache = new(512);

    /// <summary>Runs a write against the store while no read is running; kept answers are dropped.</summary>
    public T Write<T>(Func<DuckDbEventStore, T> write)
    {
        lock (_gate)
        {
            // Cleared before as well as after: a write that fails midway may still have changed the store.
            _cache.Clear();
            try { return write(store); }
            finally { _cache.Clear(); }
        }
    }

    /// <summary>
    /// Computes the answers a first visit asks for with no filter set (overview, network and map pages, with the
    /// limits app.js asks for), so that they are kept before anyone asks. <c>dyad serve</c> runs it in the background
    /// at start; each answer is computed under the lock, so a request meanwhile waits for one query at most.
    /// </summary>
    public void WarmUp()
    {
        var none = new EventQuery();
        Summary();
        Series(none, StatsPeriod.Month);
        TopDyads(none, 15);
        TopActors(none, 15);
        Events(none, 0, 25);
        Network(none, 40);
        Places(none, 2000);
    }

    /// <summary>How many answers the cache holds (tests).</summary>
    internal int KeptAnswers
    {
        get { lock (_gate) return _cache.Count; }
    }

    public StoreCounts Summary()
    {
        lock (_gate) return _cache.GetOrAdd("summary", store.Counts);
    }

    public EventPage Events(EventQuery filter, int offset, int limit)
    {
        var page = filter with { Offset = offset, Limit = limit };
        lock (_gate)
            return _cache.GetOrAdd(AnswerCache.Key("events", page), () =>
            {
                var items = store.Query(page).Select(EventRow.Of).ToList();
                long total = _cache.GetOrAdd(AnswerCache.Key("count", filter with { Offset = 0, Limit = 0 }), () => new Total(_browse.Count(filter))).Count;
                return new EventPage(total, offset, limit, items);
            });
    }

    public IReadOnlyList<PeriodStats> Series(EventQuery filter, StatsPeriod by)
    {
        lock (_gate) return _cache.GetOrAdd(AnswerCache.Key("stats", filter, by), () => store.Stats(filter, by));
    }

    public IReadOnlyList<ActorCount> TopActors(EventQuery filter, int limit)
    {
        lock (_gate)
            return _cache.GetOrAdd(AnswerCache.Key("top-actors", filter, limit), () =>
            {
                var top = store.Top(TopKind.Actors, filter, limit);
                var names = _browse.NamesOf(top.Select(t => t.Key).ToList());
                return top.Select(t => new ActorCount(t.Key, names.GetValueOrDefault(t.Key), t.Events, t.Mentions)).ToList();
            });
    }

    public IReadOnlyList<DyadCount> TopDyads(EventQuery filter, int limit)
    {
        lock (_gate)
            return _cache.GetOrAdd(AnswerCache.Key("top-dyads", filter, limit), () =>
            {
                // The store keys a dyad as "SOURCE TARGET".
                var top = store.Top(TopKind.Dyads, filter, limit)
                    .Select(t => (Pair: t.Key.Split(' ', 2), t.Events, t.Mentions))
                    .Where(t => t.Pair.Length == 2).ToList();
                var names = _browse.NamesOf(top.SelectMany(t => t.Pair).Distinct().ToList());
                return top.Select(t => new DyadCount(t.Pair[0], names.GetValueOrDefault(t.Pair[0]), t.Pair[1],
                    names.GetValueOrDefault(t.Pair[1]), t.Events, t.Mentions)).ToList();
            });
    }

    public ActorNetwork Network(EventQuery filter, int maxNodes)
    {
        lock (_gate)
            return _cache.GetOrAdd(AnswerCache.Key("network", filter, maxNodes), () =>
            {
                var (nodes, links) = _browse.Network(filter, maxNodes);
                return new ActorNetwork(nodes, links);
            });
    }

    public IReadOnlyList<PlaceEvents> Places(EventQuery filter, int limit)
    {
        lock (_gate) return _cache.GetOrAdd(AnswerCache.Key("places", filter, limit), () => _browse.Places(filter, limit));
    }

    public IReadOnlyList<NamedActor> Actors(string prefix, int limit)
    {
        lock (_gate) return _cache.GetOrAdd(AnswerCache.Key("actors", new EventQuery(), prefix, limit), () => _browse.ActorsStartingWith(prefix, limit));
    }

    /// <summary>A count kept in the cache (which holds reference types).</summary>
    private sealed record Total(long Count);

    /// <summary>An answer that may be "not found", kept in the cache like any other.</summary>
    private sealed record Maybe<T>(T? Value) where T : class;

    public EventDetail? Event(long id)
    {
        lock (_gate)
        {
            return _cache.GetOrAdd(AnswerCache.Key("event", new EventQuery(), id), () =>
            {
                if (_browse.Event(id) is not { } stored) return new Maybe<EventDetail>(null);
                var mentions = store.ReadMentions(id).Select(MentionRow.Of).ToList();
                return new Maybe<EventDetail>(new EventDetail(EventRow.Of(stored), stored.Event, mentions));
            }).Value;
        }
    }

    public DocumentDetail? Document(string id)
    {
        StoredDocument? stored;
        DocumentMarks? marks;
        lock (_gate)
        {
            stored = _browse.Document(id);
            marks = stored is null ? null : store.ReadMarks(id);
        }
        if (stored is null || marks is null) return null;
        var events = stored.Mentions.Select(m => new DocumentEvent(m.EventId, m.Mention.SentenceIndex, m.Mention.CharStart,
            m.Mention.CharEnd, m.Mention.Code, m.Mention.Quad, m.Mention.Goldstein, m.Mention.Source, m.Mention.Target,
            m.Mention.SourceText, m.Mention.VerbText, m.Mention.TargetText, m.Mention.Rule)).ToList();
        var text = LayOut(stored);
        var entities = marks.Entities.Select(e => new DocumentEntity(e.SentenceIndex, e.CharStart, e.CharEnd, e.Type,
            Slice(text, e.CharStart, e.CharEnd), e.Actor)).ToList();
        var quotes = marks.Quotes.Select(q => new DocumentQuote(q.SentenceIndex, q.CharStart, q.CharEnd, Slice(text, q.CharStart, q.CharEnd),
            q.Speaker, q.SpeakerActor, q.SpeakerStart, q.SpeakerEnd)).ToList();
        return new DocumentDetail(stored.Id, EventRow.Iso(stored.Date), stored.Title, stored.Source, stored.Url,
            text, stored.Sentences, events, entities, quotes);
    }

    /// <summary>The words at stored offsets; offsets past the laid-out text (a damaged store) give what is there.</summary>
    private static string Slice(string text, int start, int end) =>
        start >= end || start >= text.Length ? "" : text[start..Math.Min(end, text.Length)];

    /// <summary>The sentences placed at their offsets, so event offsets index the result as they did the original.</summary>
    private static string LayOut(StoredDocument document)
    {
        int length = Math.Max(document.Length, document.Sentences.Count == 0 ? 0 : document.Sentences.Max(s => s.End));
        var text = new StringBuilder(length);
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Start < text.Length) continue;
            text.Append(' ', sentence.Start - text.Length).Append(sentence.Text);
        }
        return text.ToString();
    }
}
