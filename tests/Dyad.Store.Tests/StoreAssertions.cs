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
}
