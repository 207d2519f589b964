using Dyad.Store;
using Dyad.Store.DuckDb;

namespace Dyad.Cluster.Hosting;

/// <summary>Opens the store a silo writes to: a postgres:// URL shared by every silo, or a DuckDB file (one host only).</summary>
public static class ClusterStores
{
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="StoreUnavailableException">The store cannot be opened.</exception>
    public static IQueryableEventStore Open(string location)
    {
        if (IsPostgres(location))
            throw new StoreUnavailableException($"{location}: this build of dyad has no PostgreSQL store yet");
        try
        {
            return DuckDbEventStore.Open(location);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException(e.Message);
        }
    }
}
