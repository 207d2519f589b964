using Orleans.Concurrency;

namespace Dyad.Cluster.Grains;

/// <summary>
/// The coding service of one silo, keyed by that silo's address (<see cref="CodingAgents.KeyOf"/>) and placed on it
/// (<see cref="SiloBoundPlacementAttribute"/>), so a submitter can meter how much work each silo holds.
/// </summary>
public interface ICodingAgentGrain : IGrainWithStringKey
{
    /// <summary>Coding threads of this silo; a submitter keeps at most one more item than that in flight here.</summary>
    [AlwaysInterleave]
    Task<int> Threads();

    /// <summary>Codes the item's documents the store lacks and keeps them on this silo until <see cref="Commit"/>.</summary>
    Task<ItemPrepared> Prepare(WorkItem item);

    /// <summary>
    /// Stores a prepared item in one transaction and returns once committed; null when this silo does not hold it
    /// (prepare it again). Submitters commit a submission's items in input order.
    /// </summary>
    Task<ItemResult?> Commit(long runId, int sequence);

    [AlwaysInterleave]
    Task<SiloReport> Report();

    /// <summary>Records the start of a submission as an ingest run in the shared store.</summary>
    Task<long> BeginRun(string inputs, string? dyadVersion);

    Task FinishRun(long runId, long recordsSkipped);
}

/// <summary>Where submitters post their progress so that <c>dyad cluster status</c> can show it (key 0).</summary>
public interface ISubmissionBoardGrain : IGrainWithIntegerKey
{
    Task Post(SubmissionProgress progress);

    Task<SubmissionProgress[]> List();
}

public static class CodingAgents
{
    /// <summary>The agent key of a silo: its parsable address (endpoint and generation).</summary>
    public static string KeyOf(SiloAddress silo) => silo.ToParsableString();
}
