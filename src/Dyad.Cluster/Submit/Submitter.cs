using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dyad.Cluster.Grains;

namespace Dyad.Cluster.Submit;

/// <param name="InFlightPerThread">Items kept on a silo per coding thread: 1 codes, the rest wait there (back-pressure).</param>
/// <param name="MaxAttempts">Tries per item before it is reported failed (a silo dying mid-item costs one).</param>
/// <param name="NoSiloTimeout">How long to wait with no active silo before giving up.</param>
/// <param name="CommitWindow">Items read but not yet committed, at most (coded items wait on their silos for their turn).</param>
public sealed record SubmitOptions(int InFlightPerThread = 2, int MaxAttempts = 5, TimeSpan? NoSiloTimeout = null,
    TimeSpan? RefreshEvery = null, TimeSpan? ProgressEvery = null, int CommitWindow = 64);

/// <summary>What a finished submission did.</summary>
public sealed record SubmitSummary(long RunId, int Items, int Acknowledged, int Retries, long Documents, long Added,
    long AlreadyStored, long Mentions, long NewEvents, long Merged, IReadOnlyList<string> Failures, IReadOnlyList<string> FailedItems,
    TimeSpan Elapsed)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"dyad cluster: {Acknowledged:N0}/{Items:N0} items acknowledged ({Retries:N0} retried); stored {Added:N0} new documents ({AlreadyStored:N0} already stored), {Mentions:N0} mentions, {NewEvents:N0} new events, {Merged:N0} mentions merged into earlier events; {Documents / Math.Max(Elapsed.TotalSeconds, 1e-9):F1} documents/s");
}

/// <summary>
/// Streams work items to the active silos in two steps: a silo codes an item (<see cref="ICodingAgentGrain.Prepare"/>)
/// and holds it, and the submitter then asks that silo to commit it (<see cref="ICodingAgentGrain.Commit"/>), one
/// item at a time in input order. Coding, the costly part, runs on every silo at once; storing in input order makes
/// deduplication (which merges a mention into the events stored before it) group the mentions exactly as one
/// <c>dyad ingest</c> of the same input does, whatever the number of silos and whichever item is coded first.
/// Each silo codes at most <see cref="SubmitOptions.InFlightPerThread"/> items per coding thread at a time, and at
/// most <see cref="SubmitOptions.CommitWindow"/> items wait for their commit; the reader blocks when the channel
/// it fills is full, so memory stays bounded however large the input. An item counts as done only when its commit
/// answers; an item whose call fails, or whose silo leaves the membership, goes back to the queue for another silo.
/// Retrying is safe because the store skips documents it holds (by id and content hash).
/// </summary>
public sealed class Submitter(IClusterClient client, SubmitOptions options, TextWriter? progress, string submissionId)
{
    private sealed class SiloSlot(SiloAddress address, ICodingAgentGrain agent, int capacity)
    {
        public SiloAddress Address { get; } = address;
        public ICodingAgentGrain Agent { get; } = agent;
        public int Capacity { get; } = capacity;
        public int InFlight { get; set; }
        public DateTime SuspendedUntil { get; set; }
    }

    private sealed record Attempt(WorkItem Item, int Tries, SiloSlot Silo);

    // Membership, status and capacity calls may land on a grain whose silo just died: they must not hold up the
    // dispatch loop until the (long) item timeout; the next round asks again, by then re-placed.
    private static readonly TimeSpan ControlCallTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<SiloAddress, SiloSlot> _silos = new();
    private readonly Dictionary<Task<ItemPrepared>, Attempt> _preparing = new();
    // Coded items by sequence, held by the silo of their attempt until their turn to commit.
    private readonly Dictionary<int, Attempt> _prepared = new();
    private (Task<ItemResult?> Call, Attempt Attempt)? _committing;
    private int _nextCommit;
    private readonly HashSet<int> _givenUp = new();
    // Retries go lowest sequence first: the commit of every later item waits for the earliest unfinished one.
    private readonly PriorityQueue<(WorkItem Item, int Tries), int> _retries = new();
    private readonly List<string> _failures = new(), _failedItems = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTime _started = DateTime.UtcNow;
    private int _itemsRead, _acknowledged, _retried;
    private long _runId, _documents, _added, _alreadyStored, _mentions, _newEvents, _merged;
    private TimeSpan _lastRefresh = TimeSpan.MinValue, _lastProgress = TimeSpan.Zero, _noSiloSince = TimeSpan.MinValue;

    private int InFlight => _preparing.Count + _prepared.Count + (_committing is null ? 0 : 1);

    /// <summary>Opens a run in the store, sends every chunk the reader yields, and closes the run.</summary>
    /// <param name="recordsSkipped">Read after the reader finished: input records it could not read.</param>
    public async Task<SubmitSummary> RunAsync(ChannelReader<WorkDocument[]> chunks, string inputs, string? dyadVersion,
        Func<long> recordsSkipped, CancellationToken cancel)
    {
        await RefreshSilosAsync(force: true);
        _runId = await WithAnySilo(agent => agent.BeginRun(inputs, dyadVersion), cancel);
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            await RefreshSilosAsync(force: false);
            bool inputDone = Fill(chunks);
            CommitNext();
            if (inputDone && InFlight == 0 && _retries.Count == 0) break;
            CheckSilosAvailable();
            await WaitForChange(chunks, inputDone, cancel);
            Harvest();
            await ReportAsync(inputs, finished: false);
        }
        await WithAnySilo(async agent =>
        {
            await agent.FinishRun(_runId, recordsSkipped());
            return 0L;
        }, cancel);
        await ReportAsync(inputs, finished: true);
        return new SubmitSummary(_runId, _itemsRead, _acknowledged, _retried, _documents, _added, _alreadyStored, _mentions,
            _newEvents, _merged, _failures, _failedItems, _clock.Elapsed);
    }

    /// <summary>Whether the reader may take another item: not while too many read items wait for their commit.</summary>
    private bool MayRead => _itemsRead - _nextCommit < options.CommitWindow;

    /// <summary>Sends items to every silo with room; true when the input is exhausted and no retry waits.</summary>
    private bool Fill(ChannelReader<WorkDocument[]> chunks)
    {
        var now = DateTime.UtcNow;
        foreach (var silo in _silos.Values.OrderBy(s => s.InFlight))
        {
            if (silo.SuspendedUntil > now) continue;
            while (silo.InFlight < silo.Capacity)
            {
                if (_retries.TryDequeue(out var retry, out _)) Send(silo, retry.Item, retry.Tries);
                else if (MayRead && chunks.TryRead(out var documents))
                    Send(silo, new WorkItem(_runId, _itemsRead++, documents), 0);
                else break;
            }
        }
        // Completion ends only once the reader finished and every chunk was taken.
        return chunks.Completion.IsCompleted && _retries.Count == 0;
    }

    private void Send(SiloSlot silo, WorkItem item, int tries)
    {
        silo.InFlight++;
        _preparing[silo.Agent.Prepare(item)] = new Attempt(item, tries + 1, silo);
    }

    /// <summary>Asks for the commit of the earliest unfinished item once it is coded (one commit at a time).</summary>
    private void CommitNext()
    {
        while (_givenUp.Remove(_nextCommit)) _nextCommit++;
        if (_committing is not null || !_prepared.Remove(_nextCommit, out var attempt)) return;
        _committing = (attempt.Silo.Agent.Commit(_runId, _nextCommit), attempt);
    }

    private async Task WaitForChange(ChannelReader<WorkDocument[]> chunks, bool inputDone, CancellationToken cancel)
    {
        var waits = new List<Task>(_preparing.Keys) { Task.Delay(TimeSpan.FromMilliseconds(500), cancel) };
        if (_committing is { } commit) waits.Add(commit.Call);
        bool room = _silos.Values.Any(s => s.InFlight < s.Capacity);
        if (!inputDone && room && MayRead && _retries.Count == 0) waits.Add(chunks.WaitToReadAsync(cancel).AsTask());
        await Task.WhenAny(waits);
    }

    /// <summary>Records coded items, acknowledges committed ones and queues failed ones for another try.</summary>
    private void Harvest()
    {
        foreach (var (task, attempt) in _preparing.Where(p => p.Key.IsCompleted).ToList())
        {
            _preparing.Remove(task);
            attempt.Silo.InFlight--;
            if (task.IsCompletedSuccessfully) _prepared[attempt.Item.Sequence] = attempt;
            else Failed(attempt, task.Exception?.GetBaseException().Message ?? "cancelled");
        }
        if (_committing is { Call.IsCompleted: true } done)
        {
            _committing = null;
            if (!done.Call.IsCompletedSuccessfully) Failed(done.Attempt, done.Call.Exception?.GetBaseException().Message ?? "cancelled");
            else if (done.Call.Result is not { } result) Retry(done.Attempt, "its silo no longer held the coded item");
            else
            {
                Acknowledge(result);
                _nextCommit++;
            }
        }
    }

    private void Failed(Attempt attempt, string reason)
    {
        // The silo may be dying: give it a moment out of rotation; membership will tell if it is gone.
        attempt.Silo.SuspendedUntil = DateTime.UtcNow.AddSeconds(2);
        Retry(attempt, reason);
    }

    private void Acknowledge(ItemResult result)
    {
        _acknowledged++;
        _documents += result.Documents;
        _added += result.Added;
        _alreadyStored += result.AlreadyStored;
        _mentions += result.Mentions;
        _newEvents += result.NewEvents;
        _merged += result.Merged;
        _failures.AddRange(result.Failures);
    }

    private void Retry(Attempt attempt, string reason)
    {
        if (attempt.Tries >= options.MaxAttempts)
        {
            _failedItems.Add($"item {attempt.Item.Sequence} (documents {attempt.Item.Documents[0].Id}..): {reason}");
            _givenUp.Add(attempt.Item.Sequence);
            return;
        }
        _retried++;
        progress?.WriteLine($"dyad cluster: item {attempt.Item.Sequence} failed on {attempt.Silo.Address} ({reason}); retrying elsewhere");
        _retries.Enqueue((attempt.Item, attempt.Tries), attempt.Item.Sequence);
    }

    /// <summary>Follows the membership: adds silos that joined, and takes back the items of silos that left.</summary>
    private async Task RefreshSilosAsync(bool force)
    {
        var every = options.RefreshEvery ?? TimeSpan.FromSeconds(1);
        if (!force && _clock.Elapsed - _lastRefresh < every) return;
        _lastRefresh = _clock.Elapsed;
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ControlCallTimeout);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return; // The gateway asked may be the one that died; the next refresh asks again.
        }
        foreach (var gone in _silos.Keys.Where(s => !hosts.ContainsKey(s)).ToList())
        {
            var slot = _silos[gone];
            _silos.Remove(gone);
            foreach (var (task, attempt) in _preparing.Where(p => p.Value.Silo == slot).ToList())
            {
                _preparing.Remove(task);
                _ = task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                Retry(attempt, $"silo {gone} left the cluster");
            }
            foreach (var (sequence, attempt) in _prepared.Where(p => p.Value.Silo == slot).ToList())
            {
                _prepared.Remove(sequence);
                Retry(attempt, $"silo {gone} left the cluster before its commit");
            }
            if (_committing is { } commit && commit.Attempt.Silo == slot)
            {
                _committing = null;
                _ = commit.Call.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                Retry(commit.Attempt, $"silo {gone} left the cluster");
            }
            progress?.WriteLine($"dyad cluster: silo {gone} left the cluster");
            ResendThroughLiveGateways();
        }
        foreach (var address in hosts.Keys.Where(s => !_silos.ContainsKey(s)))
        {
            var agent = client.GetGrain<ICodingAgentGrain>(CodingAgents.KeyOf(address));
            try
            {
                int threads = await agent.Threads().WaitAsync(ControlCallTimeout);
                _silos[address] = new SiloSlot(address, agent, Math.Max(1, threads * options.InFlightPerThread));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // Starting or stopping: the next refresh tries again.
            }
        }
    }

    /// <summary>
    /// A call to a live silo that went through the dead silo's gateway loses its answer, and would wait out the whole
    /// item timeout. So every call still in flight is sent again to the same silo: a prepare copy codes the item
    /// again (its agent runs items one after another); a commit copy either commits the item or, when the original
    /// got there first, answers null and the item is prepared again, finding its documents stored.
    /// </summary>
    private void ResendThroughLiveGateways()
    {
        foreach (var (task, attempt) in _preparing.ToList())
        {
            _preparing.Remove(task);
            _ = task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            _preparing[attempt.Silo.Agent.Prepare(attempt.Item)] = attempt;
        }
        if (_committing is { } commit)
        {
            _ = commit.Call.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            _committing = (commit.Attempt.Silo.Agent.Commit(_runId, commit.Attempt.Item.Sequence), commit.Attempt);
        }
    }

    private void CheckSilosAvailable()
    {
        if (_silos.Count > 0)
        {
            _noSiloSince = TimeSpan.MinValue;
            return;
        }
        if (_noSiloSince == TimeSpan.MinValue) _noSiloSince = _clock.Elapsed;
        if (_clock.Elapsed - _noSiloSince > (options.NoSiloTimeout ?? TimeSpan.FromMinutes(2)))
            throw new OrleansException("no active silo in the cluster");
    }

    private async Task<T> WithAnySilo<T>(Func<ICodingAgentGrain, Task<T>> call, CancellationToken cancel)
    {
        for (int attempt = 0; ; attempt++)
        {
            cancel.ThrowIfCancellationRequested();
            var silo = _silos.Values.FirstOrDefault();
            if (silo is not null)
            {
                try
                {
                    return await call(silo.Agent);
                }
                catch (Exception e) when ((e is OrleansException or TimeoutException) && attempt < options.MaxAttempts)
                {
                    _silos.Remove(silo.Address);
                }
            }
            CheckSilosAvailable();
            await Task.Delay(500, cancel);
            await RefreshSilosAsync(force: true);
        }
    }

    private async Task ReportAsync(string inputs, bool finished)
    {
        var every = options.ProgressEvery ?? TimeSpan.FromSeconds(2);
        if (!finished && _clock.Elapsed - _lastProgress < every) return;
        _lastProgress = _clock.Elapsed;
        var snapshot = new SubmissionProgress(submissionId, inputs, _started, DateTime.UtcNow, _itemsRead, _acknowledged,
            InFlight, _retries.Count, _retried, _documents, _added, _failures.Count + _failedItems.Count, finished);
        if (!finished)
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dyad cluster: {_acknowledged:N0}/{_itemsRead:N0} items acknowledged, {InFlight} in flight on {_silos.Count} silos, {_retries.Count} queued for retry; {_documents:N0} documents, {snapshot.DocumentsPerSecond:F1}/s"));
        try
        {
            await client.GetGrain<ISubmissionBoardGrain>(0).Post(snapshot).WaitAsync(ControlCallTimeout);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // Status display is best effort; the submission goes on.
        }
    }
}
