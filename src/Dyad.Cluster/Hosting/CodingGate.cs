namespace Dyad.Cluster.Hosting;

/// <summary>
/// Lets <c>slots</c> pieces of work run at a time on a silo, and lets a waiting commit go before waiting coding: every
/// later item's commit waits for a commit (the cluster stores items in input order), so a commit must not sit
/// behind the coding of items queued after it.
/// </summary>
public sealed class CodingGate(int slots)
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _commits = new(), _coding = new();
    private int _free = slots;

    public Task EnterAsync(bool commit)
    {
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (commit ? _commits : _coding).Enqueue(waiter);
            return waiter.Task;
        }
    }

    public void Leave()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (!_commits.TryDequeue(out next) && !_coding.TryDequeue(out next))
            {
                _free++;
                return;
            }
        }
        // The slot passes straight to the next waiter.
        next.SetResult();
    }
}
