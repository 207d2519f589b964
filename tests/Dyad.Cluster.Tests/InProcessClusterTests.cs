using System.Threading.Channels;
using Dyad.Cli.Tests;
using Dyad.Cluster.Grains;
using Dyad.Cluster.Hosting;
using Dyad.Cluster.Submit;
using Dyad.Store.DuckDb;
using Orleans.TestingHost;

namespace Dyad.Cluster.Tests;

/// <summary>
/// The grains and the submitter on Orleans' in-process test cluster: every silo shares one DuckDB store in a temp
/// folder (one process) and one loaded pipeline.
/// </summary>
public sealed class InProcessClusterTests : IAsyncLifetime
{
    private readonly string _dir = ClusterTestKit.TempFolder();
    private DuckDbEventStore _store = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _store = DuckDbEventStore.Open(Path.Combine(_dir, "cluster.duckdb"));
        var pipeline = ClusterTestKit.Pipeline;
        var storeLock = new Lock();
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => SiloHost.AddCoding(silo, pipeline, _store, threads: 1, storeLock));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _store.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_work_item_codes_and_stores_its_documents_once_even_when_retried()
    {
        var documents = ClusterTestKit.Documents(StoreCliKit.Corpus(6));
        var silo = _cluster.Silos[0].SiloAddress;
        var agent = _cluster.Client.GetGrain<ICodingAgentGrain>(CodingAgents.KeyOf(silo));
        long run = await agent.BeginRun("test", null);
        var item = new WorkItem(run, 0, ClusterTestKit.Chunks(documents, 6)[0]);

        var prepared = await agent.Prepare(item);
        prepared.ToStore.ShouldBe(6);
        ClusterTestKit.Snapshot(_store).Documents.ShouldBe(0); // coded, held, not stored yet
        var first = (await agent.Commit(run, 0)).ShouldNotBeNull();
        first.Silo.ShouldBe(silo.ToString());
        first.Added.ShouldBe(6);
        first.Mentions.ShouldBeGreaterThan(0);
        first.Failures.ShouldBeEmpty();
        var stored = ClusterTestKit.Snapshot(_store);
        stored.Documents.ShouldBe(6);
        (await agent.Commit(run, 0)).ShouldBeNull(); // committed once; a second commit finds nothing held

        // The submitter lost the answer (say its silo died after the commit) and sends the item again, elsewhere.
        var other = _cluster.Client.GetGrain<ICodingAgentGrain>(CodingAgents.KeyOf(_cluster.Silos[1].SiloAddress));
        (await other.Prepare(item)).ToStore.ShouldBe(0);
        var retry = (await other.Commit(run, 0)).ShouldNotBeNull();
        retry.Added.ShouldBe(0);
        retry.AlreadyStored.ShouldBe(6);
        retry.Mentions.ShouldBe(0);
        ClusterTestKit.Snapshot(_store).ShouldEqual(stored);
    }

    /// <summary>
    /// Deduplication merges a mention into the event of the closest date among those stored before it, so the
    /// grouping depends on the order mentions are stored: one report a day of the same Russian criticism of Ukraine,
    /// from the 1st to the 5th, groups as {2,1,3} {4,5} in this input order, but as {1,2} {3,4,5} or otherwise when
    /// later items are stored first. The first document is long, so silos code the later items first; the cluster
    /// still stores the grouping of one machine's ingest because it commits in input order.
    /// </summary>
    [Fact]
    public async Task Merged_groups_follow_input_order_whatever_silo_codes_first()
    {
        var sandbox = ClusterTestKit.TempFolder();
        string padding = string.Concat(Enumerable.Repeat(" The weather stayed mild and the markets were calm that week.", 60));
        var lines = new List<string>();
        int[] days = [2, 1, 3, 4, 5];
        for (int i = 0; i < days.Length; i++)
        {
            string text = $"Russia criticized Ukraine over the border incident. Officials confirmed it in note {i}." + (i == 0 ? padding : "");
            lines.Add(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = $"chain-{i}", ["date"] = $"2024-05-0{days[i]}", ["source"] = $"outlet{i}", ["text"] = text,
            }));
        }
        var input = Path.Combine(sandbox, "chain.jsonl");
        File.WriteAllLines(input, lines);
        var reference = Path.Combine(sandbox, "single.duckdb");
        ClusterTestKit.IngestOnOneMachine(input, reference);
        var expected = ClusterTestKit.Snapshot(reference);
        expected.Mentions.ShouldBe(5);
        expected.Events.ShouldBe(2);

        var chunks = Channel.CreateUnbounded<WorkDocument[]>();
        foreach (var chunk in ClusterTestKit.Chunks(ClusterTestKit.Documents(string.Join('\n', lines)), 1)) chunks.Writer.TryWrite(chunk);
        chunks.Writer.Complete();
        var submitter = new Submitter(_cluster.Client, new SubmitOptions(), null, "chain");
        var summary = await submitter.RunAsync(chunks.Reader, input, null, () => 0, CancellationToken.None);

        summary.Acknowledged.ShouldBe(5);
        summary.Merged.ShouldBe(3);
        ClusterTestKit.Snapshot(_store).ShouldEqual(expected);
        Directory.Delete(sandbox, recursive: true);
    }

    [Fact]
    public async Task An_agent_lives_on_the_silo_it_is_keyed_by()
    {
        foreach (var silo in _cluster.Silos)
        {
            var report = await _cluster.Client.GetGrain<ICodingAgentGrain>(CodingAgents.KeyOf(silo.SiloAddress)).Report();
            report.Silo.ShouldBe(silo.SiloAddress.ToString());
            report.Threads.ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_submission_with_a_silo_killed_mid_run_stores_what_one_machine_ingests()
    {
        var sandbox = ClusterTestKit.TempFolder();
        var corpus = StoreCliKit.Corpus(60);
        var input = Path.Combine(sandbox, "corpus.jsonl");
        File.WriteAllText(input, corpus);
        var reference = Path.Combine(sandbox, "single.duckdb");
        ClusterTestKit.IngestOnOneMachine(input, reference);

        var chunks = Channel.CreateUnbounded<WorkDocument[]>();
        foreach (var chunk in ClusterTestKit.Chunks(ClusterTestKit.Documents(corpus), 4)) chunks.Writer.TryWrite(chunk);
        chunks.Writer.Complete();
        var log = new StringWriter();
        var submitter = new Submitter(_cluster.Client, new SubmitOptions(RefreshEvery: TimeSpan.FromMilliseconds(200), ProgressEvery: TimeSpan.FromMilliseconds(100)), TextWriter.Synchronized(log), "test");
        var running = submitter.RunAsync(chunks.Reader, input, null, () => 0, CancellationToken.None);

        // Kill the third silo (not the primary) once the cluster has acknowledged some items.
        var victim = _cluster.Silos[2];
        var board = _cluster.Client.GetGrain<ISubmissionBoardGrain>(0);
        while (!running.IsCompleted && (await board.List()).FirstOrDefault() is not { Acknowledged: >= 2 })
            await Task.Delay(100);
        await _cluster.KillSiloAsync(victim);
        var summary = await running;

        summary.Items.ShouldBe(15);
        summary.Acknowledged.ShouldBe(15);
        summary.FailedItems.ShouldBeEmpty();
        ClusterTestKit.Snapshot(_store).ShouldEqual(ClusterTestKit.Snapshot(reference));
        Directory.Delete(sandbox, recursive: true);
    }
}
