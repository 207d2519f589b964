using Dyad.Cluster.Hosting;
using Orleans.Concurrency;

namespace Dyad.Cluster.Grains;

/// <summary>
/// Hands work items to its silo's <see cref="SiloCoder"/>. Reentrant: several items may wait at the coder's gate
/// while one codes, which is what lets a submitter keep the next item queued on the silo, and a commit may arrive
/// while an item codes.
/// </summary>
[SiloBoundPlacement, Reentrant]
public sealed class CodingAgentGrain(SiloCoder coder, ILocalSiloDetails silo) : Grain, ICodingAgentGrain
{
    private string SiloName => silo.SiloAddress.ToString();

    public Task<int> Threads() => Task.FromResult(coder.Threads);

    public Task<ItemPrepared> Prepare(WorkItem item) => coder.PrepareAsync(item, SiloName);

    public Task<ItemResult?> Commit(long runId, int sequence) => coder.CommitAsync(runId, sequence, SiloName);

    public Task<SiloReport> Report() => Task.FromResult(coder.Report(SiloName));

    public Task<long> BeginRun(string inputs, string? dyadVersion) =>
        Task.Run(() => coder.BeginRun(inputs, dyadVersion));

    public Task FinishRun(long runId, long recordsSkipped) => Task.Run(() => coder.FinishRun(runId, recordsSkipped));
}

/// <summary>Keeps the latest progress of every submitter in memory (lost with its silo; submitters re-post it each second).</summary>
public sealed class SubmissionBoardGrain : Grain, ISubmissionBoardGrain
{
    private readonly Dictionary<string, SubmissionProgress> _submissions = new(StringComparer.Ordinal);

    public Task Post(SubmissionProgress progress)
    {
        _submissions[progress.Id] = progress;
        return Task.CompletedTask;
    }

    public Task<SubmissionProgress[]> List()
    {
        var list = _submissions.Values.OrderBy(s => s.Started).ToArray();
        return Task.FromResult(list);
    }
}
