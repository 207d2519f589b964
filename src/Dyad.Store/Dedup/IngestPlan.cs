using Dyad.Coding;
using Dyad.Store.Ingest;

namespace Dyad.Store.Dedup;

/// <summary>One mention of an accepted document with what deduplication compares: key, date and country.</summary>
internal readonly record struct PlannedMention(DuplicateKey Key, DateOnly Date, string? Country);

/// <summary>An event a batch creates: its (provisional, then final) id, the date matched on and its first mention.</summary>
internal sealed record NewEvent(long Id, DateOnly Date, CodedEvent Coding, IngestDocument Doc);

/// <summary>
/// What one ingest batch stores, decided the same way by every store: which documents are new (skipping those stored
/// already and repeats within the batch), and which event each of their mentions joins or creates. The store supplies
/// the stored candidates and the numbers; this type holds no connection.
/// </summary>
internal sealed class IngestPlan
{
    /// <summary>
    /// Events the batch creates are numbered from here until the store gives them their real ids: above every stored
    /// id, so "the oldest event wins a tie" ranks stored events before new ones exactly as the final ids will.
    /// </summary>
    private const long ProvisionalBase = long.MaxValue / 2;

    private IngestPlan(DocumentPresence[] presence, List<IngestDocument> accepted, List<PlannedMention> mentions)
    {
        Presence = presence;
        Accepted = accepted;
        Mentions = mentions;
    }

    /// <summary>Per batch document, in batch order: New when this batch stores it.</summary>
    public DocumentPresence[] Presence { get; }

    /// <summary>The documents this batch stores, in batch order.</summary>
    public List<IngestDocument> Accepted { get; }

    /// <summary>Every mention of <see cref="Accepted"/>, document by document, event by event.</summary>
    public List<PlannedMention> Mentions { get; }

    /// <summary>Per entry of <see cref="Mentions"/>: the event it joins (set by <see cref="Match"/>).</summary>
    public List<long> MentionEvents { get; } = [];

    public List<NewEvent> NewEvents { get; } = [];

    /// <summary>Mentions that joined an event stored before or created earlier in the batch.</summary>
    public int Merged { get; private set; }

    /// <summary>The events whose counts the batch changes.</summary>
    public HashSet<long> Touched => [.. MentionEvents];

    /// <summary>
    /// Accepts the documents of <paramref name="batch"/> that <paramref name="stored"/> says are new, skipping a
    /// repeated id or text within the batch, and lists their mentions.
    /// </summary>
    public static IngestPlan Accept(IReadOnlyList<IngestDocument> batch, DocumentPresence[] stored, DuplicateRule rule)
    {
        var accepted = new List<IngestDocument>();
        var mentions = new List<PlannedMention>();
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        var batchHashes = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < batch.Count; i++)
        {
            var doc = batch[i];
            if (stored[i] == DocumentPresence.New && !batchIds.Add(doc.Document.Id)) stored[i] = DocumentPresence.SameId;
            if (stored[i] == DocumentPresence.New && !batchHashes.Add(doc.ContentHash)) stored[i] = DocumentPresence.SameContent;
            if (stored[i] != DocumentPresence.New) continue;
            accepted.Add(doc);
            foreach (var e in doc.Events)
                mentions.Add(new PlannedMention(rule.KeyOf(e), DuplicateRule.EventDate(e, doc.Document.Date), e.Location?.Country));
        }
        return new IngestPlan(stored, accepted, mentions);
    }

    /// <summary>
    /// Decides the event of every mention, given the stored events it could join (<paramref name="matcher"/>). Events
    /// the batch creates get provisional ids; <see cref="Number"/> gives them their real ones.
    /// </summary>
    public void Match(EventMatcher matcher)
    {
        long nextProvisional = ProvisionalBase;
        int m = 0;
        foreach (var doc in Accepted)
            foreach (var e in doc.Events)
            {
                var (key, date, country) = Mentions[m++];
                var match = matcher.Find(key, date, country);
                if (match is null)
                {
                    match = new EventCandidate(nextProvisional++, key, date, country);
                    matcher.Add(match);
                    NewEvents.Add(new NewEvent(match.Id, date, e, doc));
                }
                else Merged++;
                MentionEvents.Add(match.Id);
            }
    }

    /// <summary>
    /// The mention statistics of each new event (in <see cref="NewEvents"/> order), counted here rather than by the
    /// store: every mention of an event the batch creates is in the batch. Call after <see cref="Number"/>.
    /// </summary>
    public List<MentionCounts> CountNewEvents()
    {
        var byId = new Dictionary<long, MentionCounts>(NewEvents.Count);
        foreach (var created in NewEvents) byId[created.Id] = new MentionCounts();
        int m = 0;
        foreach (var doc in Accepted)
            foreach (var _ in doc.Events)
                if (byId.TryGetValue(MentionEvents[m++], out var counts)) counts.Add(doc);
        return [.. NewEvents.Select(created => byId[created.Id])];
    }

    /// <summary>Events stored before this batch that its mentions joined: their counts are recounted by the store.</summary>
    public HashSet<long> TouchedBefore(long firstNewId) => [.. MentionEvents.Where(id => id < firstNewId)];

    /// <summary>Replaces the provisional ids of the new events, in creation order, by <paramref name="ids"/> (ascending).</summary>
    public void Number(IReadOnlyList<long> ids)
    {
        if (ids.Count != NewEvents.Count) throw new ArgumentException($"{NewEvents.Count} new events need as many ids, got {ids.Count}", nameof(ids));
        long Final(long id) => id >= ProvisionalBase ? ids[(int)(id - ProvisionalBase)] : id;
        for (int i = 0; i < NewEvents.Count; i++) NewEvents[i] = NewEvents[i] with { Id = ids[i] };
        for (int i = 0; i < MentionEvents.Count; i++) MentionEvents[i] = Final(MentionEvents[i]);
    }
}

/// <summary>
/// An event's mention statistics as the store's recount computes them: mentions, distinct documents, distinct outlets
/// (documents without an outlet name count together as one) and the first and last publication dates.
/// </summary>
internal sealed class MentionCounts
{
    private readonly HashSet<IngestDocument> _documents = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);

    public int Mentions { get; private set; }
    public int Articles => _documents.Count;
    public int Sources => _sources.Count;
    public DateOnly FirstSeen { get; private set; } = DateOnly.MaxValue;
    public DateOnly LastSeen { get; private set; } = DateOnly.MinValue;

    public void Add(IngestDocument doc)
    {
        Mentions++;
        _documents.Add(doc);
        _sources.Add(doc.Document.Source ?? "");
        if (doc.Document.Date < FirstSeen) FirstSeen = doc.Document.Date;
        if (doc.Document.Date > LastSeen) LastSeen = doc.Document.Date;
    }
}
