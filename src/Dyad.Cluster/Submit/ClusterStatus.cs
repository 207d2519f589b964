using Dyad.Cluster.Grains;

namespace Dyad.Cluster.Submit;

/// <summary>One active silo and its counters (null when it did not answer).</summary>
public sealed record SiloState(SiloAddress Address, SiloReport? Report, string? Problem);

/// <summary>The cluster as <c>dyad cluster status</c> shows it.</summary>
public sealed record ClusterStatus(IReadOnlyList<SiloState> Silos, IReadOnlyList<SubmissionProgress> Submissions)
{
    public static async Task<ClusterStatus> ReadAsync(IClusterClient client)
    {
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var silos = new List<SiloState>();
        foreach (var address in hosts.Keys.OrderBy(a => a.ToString(), StringComparer.Ordinal))
        {
            try
            {
                var report = await client.GetGrain<ICodingAgentGrain>(CodingAgents.KeyOf(address)).Report();
                silos.Add(new SiloState(address, report, null));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                silos.Add(new SiloState(address, null, e.GetBaseException().Message));
            }
        }
        var submissions = await client.GetGrain<ISubmissionBoardGrain>(0).List();
        return new ClusterStatus(silos, submissions);
    }
}
