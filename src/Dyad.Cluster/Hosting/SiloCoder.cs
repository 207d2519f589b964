using System.Diagnostics;
using Dyad.Cluster.Grains;
using Dyad.Pipeline;
using Dyad.Store;
using Dyad.Store.Ingest;

namespace Dyad.Cluster.Hosting;

/// <summary>
/// The silo's one coding service (a DI singleton): the models and dictionaries, loaded once when the silo starts,
/// the store connection, and a gate that lets <see cref="Threads"/> items code at a time. Work items are coded and
/// stored off the Orleans scheduler, on thread-pool threads, so that long coding never stalls grain messaging.
/// </summary>
/// <param name="storeLock">Serializes this silo's store calls; silos of one process that share a store share it.</param>
public sealed class SiloCoder(CodingPipeline pipeline, IQueryableEventStore store, int threads, string hostName, Lock storeLock)
{
    private readonly SemaphoreSlim _gate = new(threads, threads);
    // One store connection per silo: its calls are serialized; they are short next to coding.
    private readonly Lock _storeLock = storeLock;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _busy, _waiting;
    private long _items, _documents, _added, _failures;

    public int Threads => threads;

    public async Task<ItemResult> CodeAsync(WorkItem item, string silo)
    {
        Interlocked.Increment(ref _waiting);
        await _gate.WaitAsync();
        Interlocked.Decrement(ref _waiting);
        Interlocked.Increment(ref _busy);
        try
        {
            return await Task.Run(() => Code(item, silo));
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
            _gate.Release();
        }
    }

    /// <summary>Codes the documents the store lacks and stores them in one transaction (like one dyad ingest batch).</summary>
    private ItemResult Code(WorkItem item, string silo)
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
        IngestBatchResult? stored = null;
        if (batch.Count > 0)
            lock (_storeLock) stored = store.Ingest(item.RunId, batch);

        int added = stored?.DocumentsAdded ?? 0;
        Interlocked.Increment(ref _items);
        Interlocked.Add(ref _documents, documents.Count);
        Interlocked.Add(ref _added, added);
        Interlocked.Add(ref _failures, failures.Count);
        return new ItemResult(silo, documents.Count, added, documents.Count - added - failures.Count,
            stored?.MentionsAdded ?? 0, stored?.EventsAdded ?? 0, stored?.MentionsMerged ?? 0, failures.ToArray());
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
