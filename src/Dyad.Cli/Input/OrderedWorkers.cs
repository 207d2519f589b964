using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Dyad.Cli.Input;

/// <summary>
/// Runs a job on items with a fixed number of worker threads and gives the results back in the order the items
/// were posted, so output stays deterministic whatever the thread count. At most <c>window</c> items are in flight
/// (queued, running or finished but not yet collected), which bounds memory on any input size.
/// </summary>
/// <remarks>Used from one thread: that thread posts items and collects results; only the job runs on the workers.</remarks>
internal sealed class OrderedWorkers<TIn, TOut> : IDisposable
{
    private readonly Func<TIn, TOut> _job;
    private readonly BlockingCollection<Job> _queue;
    private readonly Queue<Job> _inFlight = new();
    private readonly Thread[] _workers;
    private readonly int _window;

    public OrderedWorkers(int threads, int window, Func<TIn, TOut> job)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, threads);
        _job = job;
        _window = window;
        _queue = new BlockingCollection<Job>(window);
        _workers = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            // Background threads: a crash on the posting thread must not leave the process waiting on them.
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"dyad-worker-{i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>Queues an item; first hands every finished result at the head of the order to
    /// <paramref name="collect"/>, waiting for the oldest one while the window is full.</summary>
    public void Post(TIn item, Action<TOut> collect)
    {
        while (_inFlight.Count >= _window) Collect(_inFlight.Dequeue(), collect);
        while (_inFlight.TryPeek(out var head) && head.Done.IsSet) Collect(_inFlight.Dequeue(), collect);
        var job = new Job(item);
        _inFlight.Enqueue(job);
        _queue.Add(job);
    }

    /// <summary>Waits for every posted item and hands the remaining results to <paramref name="collect"/> in order.</summary>
    public void Drain(Action<TOut> collect)
    {
        while (_inFlight.Count > 0) Collect(_inFlight.Dequeue(), collect);
    }

    private static void Collect(Job job, Action<TOut> collect)
    {
        job.Done.Wait();
        job.Done.Dispose();
        // A job's exception surfaces here, in input order, as if the item had been processed on this thread.
        job.Error?.Throw();
        collect(job.Result!);
    }

    private void Work()
    {
        foreach (var job in _queue.GetConsumingEnumerable())
        {
            try
            {
                job.Result = _job(job.Item);
            }
            catch (Exception e)
            {
                job.Error = ExceptionDispatchInfo.Capture(e);
            }
            job.Done.Set();
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var worker in _workers) worker.Join();
        _queue.Dispose();
    }

    private sealed class Job(TIn item)
    {
        public readonly TIn Item = item;
        // No spinning before blocking: the collecting thread mostly waits, and spinning would take a core from a worker.
        public readonly ManualResetEventSlim Done = new(false, spinCount: 0);
        public TOut? Result;
        public ExceptionDispatchInfo? Error;
    }
}
