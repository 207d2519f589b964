using System.CommandLine;
using Dyad.Store;
using Dyad.Store.Export;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad export</c>: writes a store's deduplicated events (or its mentions) in a format other tools read: GDELT 2.0
/// event or mention TSV, PLOVER JSONL, ICEWS CSV, flat CSV, Parquet, or JSONL. docs/formats.md has the mappings.
/// </summary>
internal static class ExportCommand
{
    public static Command Create() => Create(EventStores.Open);

    /// <param name="openStore">Opens the store at a path (tests pass their own store).</param>
    internal static Command Create(Func<string, IEventStore> openStore)
    {
        var store = new Option<string>("--store") { Description = "Event store to export: a DuckDB file, or postgres://user[:password]@host[:port]/database.", Required = true, HelpName = "path|url" };
        var format = new Option<string>("--format") { Description = "Export format.", Required = true };
        format.AcceptOnlyFromAmong([.. EventExport.Formats]);
        var outputPath = new Option<string?>("--out", "-o", "--output") { Description = "Write to this file (required for parquet; others default to stdout).", HelpName = "file" };

        var command = new Command("export", "Export stored events as GDELT, GDELT mentions, PLOVER, ICEWS, CSV, Parquet or JSONL.");
        command.Options.Add(store);
        command.Options.Add(format);
        command.Options.Add(outputPath);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var storePath = result.GetValue(store)!;
            var formatName = result.GetValue(format)!;
            var path = result.GetValue(outputPath);
            if (path is null && formatName == "parquet")
            {
                error.WriteLine("dyad: --format parquet writes a binary file: give it with --out FILE");
                return 1;
            }
            if (!Dyad.Store.Postgres.PostgresUrl.IsUrl(storePath) && !File.Exists(storePath) && !Directory.Exists(storePath))
            {
                error.WriteLine($"dyad: store {storePath} not found");
                return 1;
            }
            try
            {
                using var events = openStore(storePath);
                var written = path is null
                    ? ExportToStdout(formatName, events, result.InvocationConfiguration.Output)
                    : ExportToFile(formatName, events, path);
                var skipped = written.Skipped > 0 ? $"; skipped {written.Skipped:N0} events with no {formatName} type (CAMEO 01 and 02)" : "";
                var records = formatName == "gdelt-mentions" ? "mentions" : "events";
                error.WriteLine($"dyad: exported {written.Written:N0} {records} as {formatName} to {path ?? "stdout"}{skipped}");
                return 0;
            }
            // DbException covers every ADO.NET-based store (DuckDB, PostgreSQL) without naming one.
            catch (Exception e) when (e is StoreUnavailableException or System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"dyad: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Writes beside the target and renames at the end, so a failed export never leaves a truncated file behind.</summary>
    private static ExportResult ExportToFile(string format, IEventStore store, string path)
    {
        var partial = path + ".partial";
        try
        {
            ExportResult written;
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                written = EventExport.Write(format, store, file, ExportContext.Shipped());
            File.Move(partial, path, overwrite: true);
            return written;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    private static ExportResult ExportToStdout(string format, IEventStore store, TextWriter invocationOutput)
    {
        if (ReferenceEquals(invocationOutput, Console.Out))
        {
            using var stdout = Console.OpenStandardOutput();
            return EventExport.Write(format, store, stdout, ExportContext.Shipped());
        }
        // Tests capture output in a TextWriter: export to memory, then hand over the text.
        using var buffer = new MemoryStream();
        var written = EventExport.Write(format, store, buffer, ExportContext.Shipped());
        invocationOutput.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        invocationOutput.Flush();
        return written;
    }
}
