using Dyad.Store.DuckDb;
using Dyad.Store.Ingest;
using Dyad.Store.Query;

namespace Dyad.Store.Tests;

public class DuckDbEventStoreTests
{
    [Fact]
    public void A_new_store_is_at_the_latest_schema_version_and_reopening_applies_nothing_again()
    {
        using var temp = new TempStore();
        using (var store = temp.Open())
        {
            store.SchemaVersion.ShouldBe(StoreSchema.LatestVersion);
            store.Scalar("SELECT count(*) FROM schema_version").ShouldBe(StoreSchema.LatestVersion);
        }
        using var again = temp.Open();
        again.Scalar("SELECT count(*) FROM schema_version").ShouldBe(StoreSchema.LatestVersion);
    }

    [Fact]
    public void A_store_from_a_newer_dyad_is_refused()
    {
        using var temp = new TempStore();
        using (var store = temp.Open()) store.Scalar("INSERT INTO schema_version VALUES (999, now())");
        Should.Throw<InvalidDataException>(temp.Open).Message.ShouldContain("999");
    }

    [Fact]
    public void Stored_events_and_mentions_read_back_with_every_coded_field()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var doc = TestDocs.Doc("d1", "2024-03-01", "wire.example", ("USA", "042", "CHN", "CHN"), ("RUS", "172", "UKR", null));
        long run = store.BeginRun("test", null);
        var result = store.Ingest(run, [doc]);
        result.DocumentsAdded.ShouldBe(1);
        result.EventsAdded.ShouldBe(2);

        StoreAssertions.ShouldHoldTheOneDocument(store, doc);
    }

    [Fact]
    public void Entities_and_quotes_are_stored_with_their_document_once()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var doc = StoreAssertions.WithMarks(TestDocs.Doc("m1", "2024-03-01", "wire.example", ("USA", "042", "CHN", null), ("RUS", "172", "UKR", null)));
        StoreAssertions.ShouldKeepTheMarksOnce(store, doc, TestDocs.Doc("m2", "2024-03-02", null, ("FRA", "042", "DEU", null)));
    }

    [Fact]
    public void A_store_from_before_entities_and_quotes_gains_their_tables_and_its_documents_have_none()
    {
        using var temp = new TempStore();
        var old = TestDocs.Doc("old", "2024-03-01", null, ("USA", "042", "CHN", null));
        using (var store = temp.Open())
        {
            store.Ingest(store.BeginRun("old", null), [old]);
            // Back to the schema before migration 4, as an older dyad left it.
            store.Scalar("DROP TABLE entities");
            store.Scalar("DROP TABLE quotes");
            store.Scalar("DELETE FROM schema_version WHERE version >= 4");
        }
        using var upgraded = temp.Open();
        upgraded.SchemaVersion.ShouldBe(StoreSchema.LatestVersion);
        var none = upgraded.ReadMarks("old").ShouldNotBeNull();
        none.Entities.ShouldBeEmpty();
        none.Quotes.ShouldBeEmpty();
        var doc = StoreAssertions.WithMarks(TestDocs.Doc("new", "2024-03-02", null, ("RUS", "172", "UKR", null)));
        upgraded.Ingest(upgraded.BeginRun("new", null), [doc]);
        upgraded.ReadMarks("new")!.Entities.Count.ShouldBe(3);
    }

    [Fact]
    public void Ingesting_the_same_documents_again_changes_nothing()
    {
        using var temp = new TempStore();
        var docs = new[]
        {
            TestDocs.Doc("a", "2024-03-01", "one.example", ("USA", "042", "CHN", null)),
            TestDocs.Doc("b", "2024-03-01", "two.example", ("USA", "043", "CHN", null)),
        };
        using (var store = temp.Open()) store.Ingest(store.BeginRun("first", null), docs);
        using (var store = temp.Open())
        {
            var before = store.ReadEvents().ToList();
            var again = store.Ingest(store.BeginRun("second", null), docs);
            again.DocumentsAdded.ShouldBe(0);
            again.Presence.ShouldBe([DocumentPresence.SameId, DocumentPresence.SameId]);
            store.ReadEvents().ToList().ShouldBe(before);
            store.Counts().Mentions.ShouldBe(2);
        }
    }

    [Fact]
    public void The_same_text_under_another_id_is_found_by_its_content_hash_and_a_reused_id_with_new_text_is_a_conflict()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var original = TestDocs.Doc("stdin#1", "2024-03-01", null, ("USA", "042", "CHN", null));
        store.Ingest(store.BeginRun("x", null), [original]);
        var copy = original with { Document = original.Document with { Id = "other/path#1" } };
        var reused = TestDocs.Doc("stdin#1", "2024-03-02", null, ("FRA", "042", "DEU", null));
        store.Find(copy.Document.Id, copy.ContentHash).ShouldBe(DocumentPresence.SameContent);
        store.Find(reused.Document.Id, reused.ContentHash).ShouldBe(DocumentPresence.IdConflict);
        store.Ingest(1, [copy, reused]).Presence.ShouldBe([DocumentPresence.SameContent, DocumentPresence.IdConflict]);
        store.Counts().Documents.ShouldBe(1);
    }

    [Fact]
    public void A_batch_that_fails_midway_leaves_nothing_behind_and_the_next_batch_numbers_on_without_gaps()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Ingest(store.BeginRun("x", null), [TestDocs.Doc("a", "2024-03-01", "s", ("USA", "042", "CHN", null))]);
        // A mention whose code is null violates NOT NULL after documents and sentences were appended in the transaction.
        var bad = TestDocs.Doc("b", "2024-03-01", "s", ("FRA", "042", "DEU", null));
        bad = bad with { Events = [bad.Events[0] with { Code = null! }] };
        Should.Throw<Exception>(() => store.Ingest(1, [TestDocs.Doc("c", "2024-03-01", "s", ("GBR", "042", "IRL", null)), bad]));
        store.Counts().ShouldBe(new StoreCounts(1, 1, 1, 1, 0, 1));
        store.Ingest(1, [TestDocs.Doc("d", "2024-03-05", "s", ("ITA", "042", "ESP", null))]);
        store.ReadEvents().Select(e => e.Id).ShouldBe([1L, 2L]);
        store.Scalar("SELECT documents_added FROM ingest_runs WHERE id = 1").ShouldBe(2L);
    }
}
