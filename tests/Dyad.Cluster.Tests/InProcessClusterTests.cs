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

        var first = await agent.Code(item);
        first.Silo.ShouldBe(silo.ToString());
        first.Added.ShouldBe(6);
        first.Mentions.ShouldBeGreaterThan(0);
        first.Failures.ShouldBeEmpty();
        var stored = ClusterTestKit.Snapshot(_store);
        stored.Documents.ShouldBe(6);

        // The submitter lost the answer (say its silo died after the commit) and sends the item again, elsewhere.
        var other = _cluster.Client.GetGrain<ICodingAgentGrain>(CodingAgents.KeyOf(_cluster.Silos[1].SiloAddress));
        var retry = await other.Code(item);
        retry.Added.ShouldBe(0);
        retry.AlreadyStored.ShouldBe(6);
        retry.Mentions.ShouldBe(0);
        ClusterTestKit.Snapshot(_store).ShouldEqual(stored);
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
