using Dyad.Cli.Input;

namespace Dyad.Cli.Tests;

public class StoreThreadTests
{
    [Fact]
    public void Batches_are_written_in_order_on_another_thread_and_complete_waits_for_all()
    {
        var written = new List<int>();
        int caller = Environment.CurrentManagedThreadId, writer = caller;
        using var store = new StoreThread<int>(batch =>
        {
            Thread.Sleep(batch % 3);
            writer = Environment.CurrentManagedThreadId;
            written.Add(batch);
        }, "test store");
        for (int i = 0; i < 50; i++) store.Add(i);
        store.Complete();
        written.ShouldBe(Enumerable.Range(0, 50).ToList());
        writer.ShouldNotBe(caller);
    }

    [Fact]
    public async Task At_most_one_batch_waits_while_another_is_written()
    {
        using var release = new ManualResetEventSlim();
        using var store = new StoreThread<int>(_ => release.Wait(), "test store");
        store.Add(1); // taken by the store thread, which then waits
        var third = Task.Run(() =>
        {
            store.Add(2); // waits in the queue
            store.Add(3); // blocks: the queue is full
        });
        (await Task.WhenAny(third, Task.Delay(200))).ShouldNotBe(third);
        release.Set();
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        store.Complete();
    }

    [Fact]
    public void A_failed_write_is_thrown_on_the_calling_thread_and_stops_later_writes()
    {
        var written = new List<int>();
        using var store = new StoreThread<int>(batch =>
        {
            if (batch == 2) throw new IOException("disk full");
            written.Add(batch);
        }, "test store");
        var failure = Should.Throw<IOException>(() =>
        {
            for (int i = 0; i < 100; i++) store.Add(i);
            store.Complete();
        });
        failure.Message.ShouldBe("disk full");
        written.ShouldBe([0, 1]);
    }
}
