using System.Collections.Concurrent;
using System.Diagnostics;
using Dyad.Cluster.Grains;
using Dyad.Pipeline;
using Dyad.Store;
using Dyad.Store.Ingest;

namespace Dyad.Cluster.Hosting;

/// <summary>
/// The silo's one coding service (a DI singleton): the models and dictionaries, loaded once when the silo starts,
/// the store connection, and a gate that lets <see cref="Threads"/> items code or commit at a time (a commit may also
/// run on a coding thread between two documents). A work item is
/// coded (<see cref="PrepareAsync"/>) and held until the submitter asks for its commit (<see cref="CommitAsync"/>),
/// which it does in input order: deduplication merges a mention into the events stored before it, so storing in
/// input order makes the store the same whatever the number of silos and whichever finishes coding first. Both run
/// off the Orleans scheduler, on thread-pool threads, so that long coding never stalls grain messaging.
/// </summary>
/// <param name="storeLock">Serializes this silo's store calls; silos of one process that share a store share it.</param>
public sealed class SiloCoder(CodingPipeline pipeline, IQueryableEventStore store, int threads, string hostName, Lock storeLock)
{
    /// <summary>A coded item waiting for its commit: dropped after this long (its submitter is gone or gave it to another silo).</summary>
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    private sealed record PendingItem(int Documents, List<IngestDocument> Batch, string[] Failures, TimeSpan Coded);

    /// <summary>A commit asked for; run by whichever thread takes it from the queue first.</summary>
    private sealed record CommitRequest(long RunId, int Sequence, string Silo)
    {
        public TaskCompletionSource<ItemResult?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly CodingGate _gate = new(threads);
    // One store connection per silo: its calls are serialized; they are short next to coding.
    private readonly Lock _storeLock = storeLock;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<(long Run, int Sequence), PendingItem> _pending = new();
    private readonly ConcurrentQueue<CommitRequest> _commits = new();
    private int _busy, _waiting;
    private long _items, _documents, _added, _failures;

    public int Threads => threads;

    /// <summary>Codes the item's documents that the store lacks and keeps them for <see cref="CommitAsync"/>.</summary>
    public Task<ItemPrepared> PrepareAsync(WorkItem item, string silo) =>
        UnderGate(() => Prepare(item, silo));

    /// <summary>
    /// Stores a prepared item in one transaction (like one <c>dyad ingest</c> batch); null when this silo holds no
    /// such item (it restarted, or dropped it), and the submitter prepares it again. Every later item's commit waits
    /// for this one, so it does not wait for the coding of a whole item: a thread coding an item runs waiting commits
    /// between two documents, and a free slot of the gate goes to a commit before coding.
    /// </summary>
    public async Task<ItemResult?> CommitAsync(long runId, int sequence, string silo)
    {
        var request = new CommitRequest(runId, sequence, silo);
        _commits.Enqueue(request);
        var entered = _gate.EnterAsync(commit: true);
        await Task.WhenAny(request.Done.Task, entered);
        if (request.Done.Task.IsCompleted)
            // The slot still comes: use it for commits asked for meanwhile, then pass it on.
            _ = entered.ContinueWith(_ =>
            {
                try { RunWaitingCommits(); }
                finally { _gate.Leave(); }
            }, TaskScheduler.Default);
        else
        {
            await entered;
            try
            {
                await Task.Run(RunWaitingCommits);
            }
            finally
            {
                _gate.Leave();
            }
        }
        return await request.Done.Task;
    }

    /// <summary>Runs the commits asked for so far, on the calling thread (which holds a slot of the gate).</summary>
    private void RunWaitingCommits()
    {
        while (_commits.TryDequeue(out var request))
        {
            try
            {
                request.Done.SetResult(Commit(request.RunId, request.Sequence, request.Silo));
            }
            catch (Exception e)
            {
                request.Done.SetException(e);
            }
        }
    }

    private async Task<T> UnderGate<T>(Func<T> work)
    {
        Interlocked.Increment(ref _waiting);
        await _gate.EnterAsync(commit: false);
        Interlocked.Decrement(ref _waiting);
        Interlocked.Increment(ref _busy);
        try
        {
            return await Task.Run(work);
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
            _gate.Leave();
        }
    }

    private ItemPrepared Prepare(WorkItem item, string silo)
    {
        var documents = new List<Dyad.Text.Document>(item.Documents.Length);
        foreach (var d in item.Documents) documents.Add(d.ToDocument());
        var keys = new List<(string Id, string ContentHash)>(documents.Count);
        foreach (var d in documents) keys.Add((d.Id, ContentHashes.Of(d.Text)));
        IReadOnlyList<DocumentPresence> presence;
        lock (_storeLock) presence = store.Find(keys);

        var batch = new List<IngestDocument>(documents.Count);
        var failures = new List<string>();
        for (int i = 0; i < documents.Count; i++)
        {
            if (presence[i] != DocumentPresence.New) continue;
            RunWaitingCommits();
            try
            {
                batch.Add(pipeline.CodeForStore(documents[i]));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One document that breaks the coder must not cost the rest of the item.
                failures.Add($"{documents[i].Id}: {e.GetType().Name}: {e.Message}");
            }
        }
        lock (_pending)
        {
            DropStale();
            _pending[(item.RunId, item.Sequence)] = new PendingItem(documents.Count, batch, failures.ToArray(), _clock.Elapsed);
        }
        return new ItemPrepared(silo, documents.Count, batch.Count);
    }

    private ItemResult? Commit(long runId, int sequence, string silo)
    {
        PendingItem? item;
        lock (_pending)
            if (!_pending.Remove((runId, sequence), out item)) return null;
        // The transaction skips documents stored since the item was coded (a retry's twin), so this stays exact.
        IngestBatchResult? stored = null;
        if (item.Batch.Count > 0)
            lock (_storeLock) stored = store.Ingest(runId, item.Batch);

        int added = stored?.DocumentsAdded ?? 0;
        Interlocked.Increment(ref _items);
        Interlocked.Add(ref _documents, item.Documents);
        Interlocked.Add(ref _added, added);
        Interlocked.Add(ref _failures, item.Failures.Length);
        return new ItemResult(silo, item.Documents, added, item.Documents - added - item.Failures.Length,
            stored?.MentionsAdded ?? 0, stored?.EventsAdded ?? 0, stored?.MentionsMerged ?? 0, item.Failures);
    }

    private void DropStale()
    {
        var now = _clock.Elapsed;
        List<(long, int)>? stale = null;
        foreach (var (key, item) in _pending)
            if (now - item.Coded > PendingLifetime) (stale ??= []).Add(key);
        if (stale is not null)
            foreach (var key in stale) _pending.Remove(key);
    }

    public long BeginRun(string inputs, string? dyadVersion)
    {
        lock (_storeLock) return store.BeginRun(inputs, dyadVersion);
    }

    public void FinishRun(long runId, long recordsSkipped)
    {
        lock (_storeLock) store.FinishRun(runId, recordsSkipped);
    }

    public SiloReport Report(string silo) => new(silo, hostName, threads, Volatile.Read(ref _busy), Volatile.Read(ref _waiting),
        Interlocked.Read(ref _items), Interlocked.Read(ref _documents), Interlocked.Read(ref _added),
        Interlocked.Read(ref _failures), _clock.Elapsed.TotalSeconds);
}
