using Dyad.Coding;
using Dyad.Store.Ingest;
using Dyad.Store.Query;

namespace Dyad.Store.Tests;

/// <summary>Checks that every store implementation must pass in the same words.</summary>
internal static class StoreAssertions
{
    /// <summary>
    /// After ingesting only <paramref name="doc"/> (two events, from https://wire.example/d1, dated 2024-03-01), the
    /// store reads back exactly its events and mentions with their document fields, and counts one of everything.
    /// </summary>
    public static void ShouldHoldTheOneDocument(IQueryableEventStore store, IngestDocument doc)
    {
        var events = store.ReadEvents().ToList();
        events.Select(e => e.Event).ShouldBe(doc.Events);
        events[0].Id.ShouldBe(1);
        events[0].SourceUrl.ShouldBe("https://wire.example/d1");
        events[0].FirstSeen.ShouldBe(new DateOnly(2024, 3, 1));
        var mentions = store.ReadMentions().ToList();
        mentions.Select(m => m.Mention).ShouldBe(doc.Events);
        mentions[1].DocumentSource.ShouldBe("wire.example");
        mentions[1].DocumentLength.ShouldBe(doc.Document.Text.Length);
        store.Counts().ShouldBe(new StoreCounts(1, 2, 2, 2, 0, 1));
    }

    /// <summary>A document's entities and quotes (with and without speaker) as the coder gave them, stored once.</summary>
    public static IngestDocument WithMarks(IngestDocument doc) => doc with
    {
        Marks = new DocumentMarks(
            [new EntityMention(0, 0, 3, "LOC", "USA"), new EntityMention(0, 20, 23, "ORG", null), new EntityMention(1, 40, 43, "PER", "RUSGOV")],
            [new QuoteMention(0, 4, 19, "USA", "USA", 0, 3), new QuoteMention(1, 44, 50, null, null, null, null)]),
    };

    /// <summary>
    /// After ingesting <paramref name="doc"/> (made by <see cref="WithMarks"/>) twice, its marks read back exactly,
    /// once; another document of the same batch has none, and an unknown id has no marks at all.
    /// </summary>
    public static void ShouldKeepTheMarksOnce(IQueryableEventStore store, IngestDocument doc, IngestDocument unmarked)
    {
        store.Ingest(store.BeginRun("marks", null), [doc, unmarked]).DocumentsAdded.ShouldBe(2);
        store.Ingest(store.BeginRun("again", null), [doc]).DocumentsAdded.ShouldBe(0);
        var marks = store.ReadMarks(doc.Document.Id).ShouldNotBeNull();
        marks.Entities.ShouldBe(doc.Marks.Entities);
        marks.Quotes.ShouldBe(doc.Marks.Quotes);
        var none = store.ReadMarks(unmarked.Document.Id).ShouldNotBeNull();
        none.Entities.ShouldBeEmpty();
        none.Quotes.ShouldBeEmpty();
        store.ReadMarks("no-such-document").ShouldBeNull();
    }
}
