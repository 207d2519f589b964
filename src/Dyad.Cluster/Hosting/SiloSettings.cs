using System.Net;

namespace Dyad.Cluster.Hosting;

/// <summary>Everything a silo process needs besides its models and store.</summary>
/// <param name="Address">The address other silos and clients reach this one at (advertised in the membership table).</param>
/// <param name="Primary">Development clustering only: the silo endpoint of the primary silo (null: this one is primary).</param>
public sealed record SiloSettings(
    ClusteringChoice Clustering,
    IPAddress Address,
    int SiloPort,
    int GatewayPort,
    int Threads,
    string ClusterId = SiloSettings.DefaultClusterId,
    IPEndPoint? Primary = null)
{
    public const string DefaultClusterId = "dyad";
    public const string ServiceId = "dyad";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
}
