using Dyad.Store.DuckDb;

namespace Dyad.Store;

/// <summary>
/// Opens an existing event store by path. The one place read-only commands (export) get an
/// <see cref="IEventStore"/> from, so they stay store-neutral; a PostgreSQL store will plug in here by URL.
/// </summary>
public static class EventStores
{
    /// <exception cref="StoreUnavailableException">No store at <paramref name="path"/>, or not one this dyad can read.</exception>
    public static IEventStore Open(string path)
    {
        // Reading must never create an empty store where the user mistyped a path.
        if (!File.Exists(path)) throw new StoreUnavailableException($"{path}: no such store (create one with dyad ingest)");
        try
        {
            return DuckDbEventStore.Open(path);
        }
        catch (IOException e)
        {
            throw new StoreUnavailableException(e.Message);
        }
    }
}

/// <summary>The store cannot be opened: missing or unreadable file, not a store, unknown schema.</summary>
public sealed class StoreUnavailableException(string message) : Exception(message);
