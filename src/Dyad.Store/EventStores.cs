using Dyad.Store.DuckDb;
using Dyad.Store.Postgres;

namespace Dyad.Store;

/// <summary>
/// Opens an event store by location: a <c>postgres://</c> (or <c>postgresql://</c>) URL names a PostgreSQL store,
/// anything else a DuckDB file. The one place commands get a store from, so they stay store-neutral.
/// </summary>
public static class EventStores
{
    /// <summary>Opens an existing store for reading.</summary>
    /// <exception cref="StoreUnavailableException">No store there, or not one this dyad can read.</exception>
    public static IEventStore Open(string location) => OpenQueryable(location, mustExist: true);

    /// <summary>
    /// Opens a store for ingest and queries. A DuckDB file is created when missing unless
    /// <paramref name="mustExist"/>; a PostgreSQL database must exist (its tables are created on first use).
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store cannot be opened; the message says why.</exception>
    public static IQueryableEventStore OpenQueryable(string location, bool mustExist)
    {
        try
        {
            if (PostgresUrl.IsUrl(location)) return PostgresEventStore.Open(location);
            // Reading must never create an empty store where the user mistyped a path.
            if (mustExist && !File.Exists(location))
                throw new StoreUnavailableException($"{location}: no such store (create one with dyad ingest)");
            return DuckDbEventStore.Open(location);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException(e.Message);
        }
    }

    /// <summary>The location as messages show it: a URL without its password.</summary>
    public static string Describe(string location) => PostgresUrl.IsUrl(location) ? PostgresUrl.Redact(location) : location;
}

/// <summary>The store cannot be opened: missing or unreadable file, not a store, unknown schema, unreachable server.</summary>
public sealed class StoreUnavailableException(string message) : Exception(message);
