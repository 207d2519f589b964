using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Dyad.Cli.Input;

/// <summary>
/// Runs a write job on batches, one at a time and in the order they were handed over, on a thread of its own, so the
/// thread that hands them over (reading and coding) goes on meanwhile. At most one batch waits while another is being
/// written, which bounds memory. A failed write stops the thread; the next <see cref="Add"/> or <see cref="Complete"/>
/// throws its exception on the calling thread.
/// </summary>
/// <remarks>Used from one thread: that thread adds batches and completes.</remarks>
internal sealed class StoreThread<TBatch> : IDisposable
{
    private readonly BlockingCollection<TBatch> _queue = new(boundedCapacity: 1);
    private readonly CancellationTokenSource _failed = new();
    private readonly Action<TBatch> _write;
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _failure;

    public StoreThread(Action<TBatch> write, string name)
    {
        _write = write;
        // Not a background thread: the process must not end while a batch is half way through its transaction.
        _thread = new Thread(Run) { Name = name };
        _thread.Start();
    }

    /// <summary>Hands a batch over; waits while another batch is still waiting to be written.</summary>
    public void Add(TBatch batch)
    {
        _failure?.Throw();
        try { _queue.Add(batch, _failed.Token); }
        catch (OperationCanceledException) { _failure!.Throw(); }
    }

    /// <summary>Waits until every batch handed over is written; throws the exception of a failed write.</summary>
    public void Complete()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _thread.Join();
        _failure?.Throw();
    }

    private void Run()
    {
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable()) _write(batch);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            _failed.Cancel();
        }
    }

    /// <summary>Writes what was handed over (whole batches only) and stops; a failure was reported by Complete or not at all.</summary>
    public void Dispose()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
        _failed.Dispose();
    }
}
