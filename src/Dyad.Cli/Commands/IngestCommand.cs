using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Dyad.Cli.Input;
using Dyad.Store;
using Dyad.Store.Ingest;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad ingest</c>: reads documents, codes them like <c>dyad code</c> and stores documents, sentences, mentions,
/// deduplicated events and learned actors in the event store, one transaction per batch of documents. Documents
/// already stored are skipped before coding, so a re-run after a crash resumes where the last commit ended.
/// </summary>
internal static class IngestCommand
{
    public const int DefaultBatchSize = 64;

    public static Command Create() => Create(openStdin: null);

    internal static Command Create(Func<Stream>? openStdin)
    {
        var inputs = new InputOptions();
        var coding = new CodingOptions();
        var store = StoreOption.Create(mustExist: false);
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Documents per transaction: a crash loses at most the batch being written.",
            DefaultValueFactory = _ => DefaultBatchSize,
            HelpName = "n",
        };
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch-size must be at least 1."); });
        var verbose = new Option<bool>("--verbose") { Description = "Report every committed batch on stderr." };

        var command = new Command("ingest", "Code documents and store them in an event store, deduplicating events across documents (docs/store.md).");
        inputs.AddTo(command);
        command.Options.Add(store);
        coding.AddTo(command);
        command.Options.Add(batchSize);
        command.Options.Add(verbose);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var settings = inputs.Bind(result, error, openStdin);
            if (settings is null) return 1;
            var pipeline = coding.Load(result, error);
            if (pipeline is null) return 1;
            var storePath = result.GetValue(store)!;
            using var events = StoreOption.Open(storePath, mustExist: false, error);
            if (events is null) return 1;

            long runId = events.BeginRun(string.Join(' ', settings.Inputs), Version());
            var run = new IngestRun(events, runId, pipeline, result.GetValue(batchSize), result.GetValue(verbose) ? error : null);
            var summary = new InputSummary();
            int status = InputBatch.Run(settings, error, run.Add, resultsOnStdout: false, summary);
            run.Flush();
            events.FinishRun(runId, summary.Skipped);
            error.WriteLine(run.Summary(EventStores.Describe(storePath)));
            return status;
        });
        return command;
    }

    private static string Version() =>
        typeof(IngestCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

/// <summary>
/// One ingest: collects a batch of read documents, asks the store once which are stored already, codes only the new
/// ones and stores them in one transaction.
/// </summary>
internal sealed class IngestRun(IQueryableEventStore store, long runId, CodingPipeline pipeline, int batchSize, TextWriter? log)
{
    private readonly List<Document> _pending = new(batchSize);
    private long _added, _alreadyStored, _mentions, _newEvents, _merged;

    public void Add(Document document)
    {
        _pending.Add(document);
        if (_pending.Count >= batchSize) Flush();
    }

    public void Flush()
    {
        if (_pending.Count == 0) return;
        var presence = store.Find(_pending.Select(d => (d.Id, ContentHashes.Of(d.Text))).ToList());
        var batch = new List<IngestDocument>(_pending.Count);
        for (int i = 0; i < _pending.Count; i++)
        {
            var document = _pending[i];
            if (presence[i] != DocumentPresence.New)
            {
                if (presence[i] == DocumentPresence.IdConflict && log is not null)
                    log.WriteLine($"dyad: document {document.Id} is stored already with another text; kept the stored one.");
                continue;
            }
            batch.Add(pipeline.CodeForStore(document));
        }
        _alreadyStored += _pending.Count - batch.Count;
        _pending.Clear();
        if (batch.Count == 0) return;
        var result = store.Ingest(runId, batch);
        _added += result.DocumentsAdded;
        _alreadyStored += result.Presence.Count - result.DocumentsAdded;
        _mentions += result.MentionsAdded;
        _newEvents += result.EventsAdded;
        _merged += result.MentionsMerged;
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: committed {_added:N0} documents, {_mentions:N0} mentions"));
    }

    public string Summary(string storePath) => string.Create(CultureInfo.InvariantCulture,
        $"dyad: stored {_added:N0} new documents ({_alreadyStored:N0} already stored), {_mentions:N0} mentions, {_newEvents:N0} new events, {_merged:N0} mentions merged into earlier events; store {storePath}");
}
