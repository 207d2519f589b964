using Dyad.Server.Queries;
using Dyad.Store.DuckDb;
using Dyad.Store.Ingest;
using Dyad.Store.Query;
using Dyad.Text;

namespace Dyad.Server.Tests;

public class AnswerCacheTests
{
    [Fact]
    public void Keys_differ_for_different_filters_and_a_word_cannot_fake_a_separator()
    {
        var words = AnswerCache.Key("events", new EventQuery { Words = ["a b"] });
        AnswerCache.Key("events", new EventQuery { Words = ["a", "b"] }).ShouldNotBe(words);
        AnswerCache.Key("events", new EventQuery { Words = ["a\u001f1"] }).ShouldNotBe(AnswerCache.Key("events", new EventQuery { Words = ["a"] }, 1));
        AnswerCache.Key("events", new EventQuery { Quad = 4 }).ShouldNotBe(AnswerCache.Key("events", new EventQuery()));
        AnswerCache.Key("events", new EventQuery { Dyad = ("USA", "CHN") }).ShouldNotBe(AnswerCache.Key("events", new EventQuery { Dyad = ("CHN", "USA") }));
        AnswerCache.Key("events", new EventQuery { Quad = 4 }).ShouldBe(AnswerCache.Key("events", new EventQuery { Quad = 4 }));
    }

    [Fact]
    public void A_kept_answer_is_dropped_when_a_write_changes_the_store()
    {
        var folder = Directory.CreateTempSubdirectory("dyad-cache-tests-");
        try
        {
            using var store = DuckDbEventStore.Open(Path.Combine(folder.FullName, "cache.duckdb"));
            var data = new DashboardData(store);
            data.Summary().Documents.ShouldBe(0);
            data.Events(new EventQuery(), 0, 10).Total.ShouldBe(0);

            var text = "Delegations met in Geneva.";
            var document = new IngestDocument(new Document("cache-doc", new DateOnly(2024, 5, 2), text), [new SentenceSpan(0, 0, text.Length)], [], []);
            data.Write(s => s.Ingest(s.BeginRun("test", null), [document]));

            data.Summary().Documents.ShouldBe(1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The warm-up computes exactly the answers a first visit asks for: afterwards the overview, network and map
    /// pages' requests (as app.js makes them, no filter set) are all answered from the cache, adding no answer.
    /// </summary>
    [Fact]
    public async Task The_warm_up_keeps_the_answers_of_the_first_pages_requests()
    {
        var folder = Directory.CreateTempSubdirectory("dyad-cache-tests-");
        try
        {
            using var store = DuckDbEventStore.Open(Path.Combine(folder.FullName, "warm.duckdb"));
            var data = new DashboardData(store);
            await using var app = DyadServer.Build(new ServerOptions("127.0.0.1", 0), data, Api.WriteToken.CreateRandom(), null);
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = DyadServer.BoundAddress(app) };

            data.WarmUp();
            int kept = data.KeptAnswers;
            kept.ShouldBeGreaterThanOrEqualTo(7);
            foreach (var request in new[] { "/api/summary", "/api/stats?by=month", "/api/top/dyads?limit=15", "/api/top/actors?limit=15",
                "/api/events?offset=0&limit=25", "/api/network?nodes=40", "/api/places?limit=2000" })
                (await client.GetAsync(request)).EnsureSuccessStatusCode();
            data.KeptAnswers.ShouldBe(kept);
            await app.StopAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
