namespace Dyad.Store;

/// <summary>
/// Opens the event store at a path. The one place the CLI gets an <see cref="IEventStore"/> from, so commands stay
/// store-neutral; the embedded DuckDB store plugs in here.
/// </summary>
public static class EventStores
{
    /// <exception cref="StoreUnavailableException">This build has no store implementation.</exception>
    public static IEventStore Open(string path) =>
        throw new StoreUnavailableException($"cannot open {path}: no event store is available in this build of dyad");
}

/// <summary>The store cannot be opened: missing implementation, missing or unreadable file, unknown schema.</summary>
public sealed class StoreUnavailableException(string message) : Exception(message);
