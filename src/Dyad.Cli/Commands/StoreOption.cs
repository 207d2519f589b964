using System.CommandLine;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Dyad.Store.Postgres;

namespace Dyad.Cli.Commands;

/// <summary>The <c>--store PATH|URL</c> option of the store commands, and opening the store it names.</summary>
internal static class StoreOption
{
    public static Option<string> Create(bool mustExist) => new("--store")
    {
        Description = (mustExist ? "The event store to read" : "The event store; a DuckDB file is created when missing")
            + ": a DuckDB file path, or postgres://user[:password]@host[:port]/database.",
        Required = true,
        HelpName = "path|url",
    };

    /// <summary>The opened store, or null after writing why to <paramref name="error"/>.</summary>
    public static IQueryableEventStore? Open(string location, bool mustExist, TextWriter error)
    {
        if (mustExist && !PostgresUrl.IsUrl(location) && !File.Exists(location))
        {
            error.WriteLine($"dyad: store {location} does not exist (create it with dyad ingest).");
            return null;
        }
        try
        {
            return EventStores.OpenQueryable(location, mustExist);
        }
        catch (StoreUnavailableException e)
        {
            error.WriteLine("dyad: " + e.Message);
            return null;
        }
    }

    /// <summary>The opened DuckDB store for commands that read only DuckDB files (serve), or null after saying why.</summary>
    public static DuckDbEventStore? OpenDuckDb(string location, TextWriter error)
    {
        if (PostgresUrl.IsUrl(location))
        {
            error.WriteLine($"dyad: {PostgresUrl.Redact(location)}: this command reads DuckDB store files only.");
            return null;
        }
        return Open(location, mustExist: true, error) as DuckDbEventStore;
    }
}
