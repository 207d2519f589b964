using System.Globalization;
using Dyad.Coding;
using Dyad.Store.Dedup;
using Dyad.Store.DuckDb;
using Dyad.Store.Ingest;
using Dyad.Text;
using Xunit.Abstractions;

namespace Dyad.Store.Tests;

/// <summary>
/// Merge quality on data/dedup-codings.tsv: codings of differently detailed reports of the same events by four
/// outlets, plus distinct events of the same day and dyad, each labelled with its real-world event. The figures are
/// quoted in docs/store.md.
/// </summary>
public class DedupQualityTests(ITestOutputHelper output)
{
    private sealed record Row(string Story, string Doc, string Outlet, DateOnly Published, string Source, string Code, string Target, DateOnly EventDate, string? Country);

    [Theory]
    [InlineData(3, 20.0 / 23, 1.0)]
    [InlineData(0, 4.0 / 5, 4.0 / 20)]
    public void Pairwise_precision_and_recall_of_the_merge(int actorPrefix, double minPrecision, double minRecall)
    {
        var rows = ReadRows();
        using var temp = new TempStore();
        using (var store = DuckDbEventStore.Open(temp.FilePath, new DuplicateRule(1, actorPrefix)))
        {
            long run = store.BeginRun("dedup corpus", null);
            // Stored in publication order and in small batches, so merges happen both within and across batches.
            foreach (var batch in rows.OrderBy(r => r.Published).ThenBy(r => r.Doc, StringComparer.Ordinal).Select(ToDocument).Chunk(4))
                store.Ingest(run, batch);

            var eventOf = store.ReadMentions().ToDictionary(m => m.Mention.DocId, m => m.EventId);
            var (precision, recall, both, sys, gold) = PairwiseScore.Of(rows.Select(r => r.Story).ToList(), rows.Select(r => eventOf[r.Doc]).ToList());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"actor prefix {actorPrefix}: {rows.Count} mentions, {store.Counts().Events} events, {rows.Select(r => r.Story).Distinct().Count()} real; pairs merged {sys}, gold {gold}, right {both}; precision {precision:0.000}, recall {recall:0.000}"));
            precision.ShouldBeGreaterThanOrEqualTo(minPrecision - 1e-9);
            recall.ShouldBeGreaterThanOrEqualTo(minRecall - 1e-9);
        }
    }

    [Fact]
    public void Merged_events_count_mentions_articles_and_outlets_and_span_their_publication_dates()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Ingest(store.BeginRun("x", null), ReadRows().Where(r => r.Story == "usa-chn-talks").Select(ToDocument).ToList());
        var e = store.ReadEvents().ShouldHaveSingleItem();
        (e.NumMentions, e.NumArticles, e.NumSources).ShouldBe((4, 4, 4));
        (e.FirstSeen, e.LastSeen).ShouldBe((new DateOnly(2024, 5, 14), new DateOnly(2024, 5, 15)));
        e.Event.DocId.ShouldBe("h101");
        store.ReadMentions().Select(m => m.EventId).Distinct().ShouldBe([e.Id]);
    }

    private static List<Row> ReadRows()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "dedup-codings.tsv");
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            rows.Add(new Row(f[0], f[1], f[2], DateOnly.Parse(f[3], CultureInfo.InvariantCulture), f[4], f[5], f[6],
                DateOnly.Parse(f[7], CultureInfo.InvariantCulture), f[8] == "-" ? null : f[8]));
        }
        return rows;
    }

    private static IngestDocument ToDocument(Row r)
    {
        var text = $"{r.Outlet} reports that {r.Source} did {r.Code} to {r.Target}.";
        var coded = EventIds.WithId(new CodedEvent
        {
            DocId = r.Doc, Date = r.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Source = r.Source,
            Target = r.Target, Code = r.Code, Root = r.Code[..2], Quad = 1, Sentence = text, CharEnd = text.Length,
            Location = r.Country is null ? null : new EventLocation { Country = r.Country },
        });
        var doc = new Document(r.Doc, r.Published, text) { Source = r.Outlet };
        return new IngestDocument(doc, [new SentenceSpan(0, 0, text.Length)], [coded], []);
    }
}
