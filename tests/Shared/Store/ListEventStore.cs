using Dyad.Coding;
using Dyad.Store;

namespace Dyad.Tests.Store;

/// <summary>
/// A list-backed <see cref="IEventStore"/> for tests of code that only reads a store (exporters, commands): real
/// behaviour (ordered streams, disposal), no database. Not a substitute for the DuckDB store's own tests.
/// </summary>
internal sealed class ListEventStore(IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredMention> mentions) : IEventStore
{
    public bool Disposed { get; private set; }

    public IEnumerable<StoredEvent> ReadEvents()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        return events.OrderBy(e => e.Id);
    }

    public IEnumerable<StoredMention> ReadMentions()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        return mentions.OrderBy(m => m.EventId).ThenBy(m => m.Mention.DocId, StringComparer.Ordinal).ThenBy(m => m.Mention.SentenceIndex);
    }

    public void Dispose() => Disposed = true;

    /// <summary>
    /// A small store with what exporters must get right: a merged event with mentions from two outlets, sentences
    /// with commas, quotes, tabs and line breaks, a located and an unlocated event, an IGO and an ethnic actor, an event
    /// without a target, and a CAMEO 01 statement that PLOVER drops.
    /// </summary>
    public static ListEventStore Sample()
    {
        var appeal = Coded("reuters-1", 0, "2020-02-02", "USAGOV", "KAZ", "0214", "02", 1, 3.4, null,
            "The US urged Kazakhstan, a \"key partner\", to join\nthe pressure on China.", "urged", "The US", "Kazakhstan",
            new EventLocation { Name = "Almaty", Country = "KAZ", Admin1 = "Almaty", Lat = 43.25, Lon = 76.91667, GeonamesId = 1526384 });
        var criticism = Coded("rferl-7", 3, "2020-02-01", "CHN", "USA", "111", "11", 3, -2, "ACCUSE",
            "China criticized the US for \"interference\",\tofficials said.", "criticized", "China", "the US", null);
        var aid = Coded("un-2", 1, null, "IGOUNOHLH", "CHNUIG", "073", "07", 2, 7.4, "AID",
            "The UN health agency sent aid to Uighur families.", "sent", "The UN health agency", "Uighur families",
            new EventLocation { Country = "CHN", Admin1 = "Xinjiang" });
        var statement = Coded("rferl-7", 5, "2020-02-01", "KAZGOV", null, "010", "01", 1, 0, null,
            "The Kazakh ministry made a statement.", "made", "The Kazakh ministry", null, null);
        var events = new List<StoredEvent>
        {
            new(1, appeal, 3, 2, 2, new DateOnly(2020, 2, 2), new DateOnly(2020, 2, 3), "https://www.reuters.com/world/1"),
            new(2, criticism, 1, 1, 1, new DateOnly(2020, 2, 2), new DateOnly(2020, 2, 2), null),
            new(3, aid, 1, 1, 1, new DateOnly(2020, 2, 5), new DateOnly(2020, 2, 5), "https://news.un.org/2"),
            new(4, statement, 1, 1, 1, new DateOnly(2020, 2, 2), new DateOnly(2020, 2, 2), null),
        };
        var mentions = new List<StoredMention>
        {
            new(1, new DateOnly(2020, 2, 2), "reuters.com", "https://www.reuters.com/world/1", 2400, appeal),
            new(1, new DateOnly(2020, 2, 3), null, "https://www.rferl.org/a/9", 1800, appeal with { DocId = "rferl-9", SentenceIndex = 2, CharStart = 300, CharEnd = 300 + appeal.Sentence.Length }),
            new(1, new DateOnly(2020, 2, 3), "reuters.com", "https://www.reuters.com/world/1b", 900, appeal with { DocId = "reuters-1b" }),
            new(2, new DateOnly(2020, 2, 2), "rferl.org", null, 1500, criticism),
            new(3, new DateOnly(2020, 2, 5), null, "https://news.un.org/2", 700, aid),
            new(4, new DateOnly(2020, 2, 2), "rferl.org", null, 1500, statement),
        };
        return new ListEventStore(events, mentions);
    }

    private static CodedEvent Coded(string doc, int sentenceIndex, string? date, string source, string? target, string code, string root,
        int quad, double goldstein, string? plover, string sentence, string verb, string sourceText, string? targetText, EventLocation? location)
    {
        int start = 100 * (sentenceIndex + 1);
        var e = new CodedEvent
        {
            DocId = doc, SentenceIndex = sentenceIndex, Date = date, Source = source, Target = target, Code = code, Root = root,
            Quad = quad, Goldstein = goldstein, Plover = plover, SourceName = null, TargetName = null, SourceText = sourceText,
            TargetText = targetText, VerbText = verb, Sentence = sentence, CharStart = start, CharEnd = start + sentence.Length,
            Location = location, Negated = false, Confidence = 0.875, Rule = "extensions.tsv:12 urge + to",
        };
        return EventIds.WithId(e);
    }
}
