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
    // Each transaction costs a fixed amount (a dozen statements and a commit) whatever its size: 256 documents a batch
    // took 3.9 times less store CPU than 64 (docs/performance.md), and a crash loses at most their coding work.
    public const int DefaultBatchSize = 256;

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
        var threads = ThreadsOption.Create("tokenizing, NLP, NER and coding; the store is written on a thread of its own");

        var command = new Command("ingest", "Code documents and store them in an event store, deduplicating events across documents (docs/store.md).");
        inputs.AddTo(command);
        command.Options.Add(store);
        coding.AddTo(command);
        command.Options.Add(batchSize);
        command.Options.Add(verbose);
        command.Options.Add(threads);
        command.SetAction(result =>
        {
            // The store thread reports committed batches (--verbose) while the reading thread reports bad records.
            var error = TextWriter.Synchronized(result.InvocationConfiguration.Error);
            var settings = inputs.Bind(result, error, openStdin);
            if (settings is null) return 1;
            var pipeline = coding.Load(result, error);
            if (pipeline is null) return 1;
            var storePath = result.GetValue(store)!;
            using var events = StoreOption.Open(storePath, mustExist: false, error);
            if (events is null) return 1;

            long runId = events.BeginRun(string.Join(' ', settings.Inputs), Version());
            var summary = new InputSummary();
            using var run = new IngestRun(events, runId, pipeline, result.GetValue(batchSize), result.GetValue(threads), result.GetValue(verbose) ? error : null);
            int status = InputBatch.Run(settings, error, run.Add, resultsOnStdout: false, summary);
            run.Finish();
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
/// ones (on the worker threads, or inline with one thread) and stores them in one transaction on the store thread, in
/// input order. Coding of the next batches goes on while a batch is being stored, whatever the thread count. The
/// batches are the same whatever the thread count, so the store ends up the same.
/// </summary>
internal sealed class IngestRun : IDisposable
{
    // Documents in flight per worker thread, as for dyad code: keeps the workers busy while a batch is stored.
    private const int DocumentsPerThread = 16;

    private readonly IQueryableEventStore _store;
    private readonly long _runId;
    private readonly CodingPipeline _pipeline;
    private readonly int _batchSize;
    private readonly TextWriter? _log;
    private readonly OrderedWorkers<PendingDocument, CodedDocument>? _workers;
    private readonly StoreThread<List<IngestDocument>> _writer;
    // The store's connection serves one call at a time: the reading thread's presence checks and the store thread's batches.
    private readonly Lock _storeGate = new();
    private readonly List<Document> _pending;
    private List<IngestDocument> _coded;
    // A coded batch not yet handed to the store thread: it goes after the next presence check (see CloseBatch).
    private List<IngestDocument>? _ready;
    private long _added, _alreadyStored, _mentions, _newEvents, _merged;

    public IngestRun(IQueryableEventStore store, long runId, CodingPipeline pipeline, int batchSize, int threads, TextWriter? log)
    {
        _store = store;
        _runId = runId;
        _pipeline = pipeline;
        _batchSize = batchSize;
        _log = log;
        _pending = new(batchSize);
        _coded = new(batchSize);
        // One thread: coding runs inline, with no hand-over between threads.
        if (threads > 1)
            _workers = new OrderedWorkers<PendingDocument, CodedDocument>(threads, threads * DocumentsPerThread, Code);
        _writer = new StoreThread<List<IngestDocument>>(Store, "dyad ingest store");
    }

    public void Add(Document document)
    {
        _pending.Add(document);
        if (_pending.Count >= _batchSize) CloseBatch();
    }

    /// <summary>Codes and stores what is left; call once after the last <see cref="Add"/>.</summary>
    public void Finish()
    {
        CloseBatch();
        _workers?.Drain(Collect);
        HandOverReady();
        _writer.Complete();
    }

    /// <summary>Hands the new documents of the pending batch to the coder; the last one, once coded, stores the batch.</summary>
    private void CloseBatch()
    {
        if (_pending.Count == 0) return;
        var probe = _pending.Select(d => (d.Id, ContentHashes.Of(d.Text))).ToList();
        IReadOnlyList<DocumentPresence> presence;
        lock (_storeGate) presence = _store.Find(probe);
        // The batch coded last is stored only now, after this check: with one thread the check would otherwise wait for
        // that batch's transaction, and coding would stop meanwhile. A document of this batch that the previous one
        // stores is caught by the store's own check in the transaction (only its coding is repeated).
        HandOverReady();
        int last = presence.Count - 1;
        while (last >= 0 && presence[last] != DocumentPresence.New) last--;
        for (int i = 0; i < _pending.Count; i++)
        {
            if (presence[i] == DocumentPresence.New)
            {
                var item = new PendingDocument(_pending[i], EndsBatch: i == last);
                if (_workers is null) Collect(Code(item));
                else _workers.Post(item, Collect);
                continue;
            }
            Interlocked.Increment(ref _alreadyStored);
            if (presence[i] == DocumentPresence.IdConflict && _log is not null)
                _log.WriteLine($"dyad: document {_pending[i].Id} is stored already with another text; kept the stored one.");
        }
        _pending.Clear();
    }

    private CodedDocument Code(PendingDocument item) => new(_pipeline.CodeForStore(item.Document), item.EndsBatch);

    private void Collect(CodedDocument coded)
    {
        _coded.Add(coded.Document);
        if (!coded.EndsBatch) return;
        HandOverReady();
        _ready = _coded;
        _coded = new(_batchSize);
    }

    private void HandOverReady()
    {
        if (_ready is null) return;
        _writer.Add(_ready);
        _ready = null;
    }

    /// <summary>On the store thread.</summary>
    private void Store(List<IngestDocument> batch)
    {
        // A document stored by an earlier batch still being coded when this batch was checked is caught here: the
        // store skips documents it holds already.
        IngestBatchResult result;
        lock (_storeGate) result = _store.Ingest(_runId, batch);
        _added += result.DocumentsAdded;
        Interlocked.Add(ref _alreadyStored, result.Presence.Count - result.DocumentsAdded);
        _mentions += result.MentionsAdded;
        _newEvents += result.EventsAdded;
        _merged += result.MentionsMerged;
        _log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: committed {_added:N0} documents, {_mentions:N0} mentions"));
    }

    public string Summary(string storePath) => string.Create(CultureInfo.InvariantCulture,
        $"dyad: stored {_added:N0} new documents ({_alreadyStored:N0} already stored), {_mentions:N0} mentions, {_newEvents:N0} new events, {_merged:N0} mentions merged into earlier events; store {storePath}");

    public void Dispose()
    {
        _workers?.Dispose();
        _writer.Dispose();
    }

    private readonly record struct PendingDocument(Document Document, bool EndsBatch);

    private readonly record struct CodedDocument(IngestDocument Document, bool EndsBatch);
}
