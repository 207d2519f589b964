using System.CommandLine;
using Dyad.Store.DuckDb;

namespace Dyad.Cli.Commands;

/// <summary>The <c>--store PATH</c> option of the store commands, and opening the store it names.</summary>
internal static class StoreOption
{
    public static Option<string> Create(bool mustExist) => new("--store")
    {
        Description = mustExist ? "The event store file (DuckDB) to read." : "The event store file (DuckDB); created when missing.",
        Required = true,
        HelpName = "path",
    };

    /// <summary>The opened store, or null after writing why to <paramref name="error"/>.</summary>
    public static DuckDbEventStore? Open(string path, bool mustExist, TextWriter error)
    {
        if (mustExist && !File.Exists(path))
        {
            error.WriteLine($"dyad: store {path} does not exist (create it with dyad ingest).");
            return null;
        }
        try
        {
            return DuckDbEventStore.Open(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine("dyad: " + e.Message);
            return null;
        }
    }
}
