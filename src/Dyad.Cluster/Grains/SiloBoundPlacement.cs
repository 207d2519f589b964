using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Dyad.Cluster.Grains;

/// <summary>Places a grain on the silo whose address is its key (see <see cref="CodingAgents.KeyOf"/>).</summary>
[Serializable, GenerateSerializer, Immutable]
public sealed class SiloBoundPlacement : PlacementStrategy
{
    public static readonly SiloBoundPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloBoundPlacementAttribute() : PlacementAttribute(SiloBoundPlacement.Instance);

/// <summary>
/// Activates a silo-bound grain on its silo, and refuses when that silo has left the cluster: an agent of a dead
/// silo must fail its caller (who then retries the item elsewhere) rather than quietly start on another silo.
/// </summary>
public sealed class SiloBoundPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        foreach (var silo in context.GetCompatibleSilos(target))
            if (CodingAgents.KeyOf(silo) == key) return Task.FromResult(silo);
        throw new SiloUnavailableException($"silo {key} is not an active member of the cluster");
    }
}
