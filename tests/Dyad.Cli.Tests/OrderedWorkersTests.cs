using Dyad.Cli.Input;

namespace Dyad.Cli.Tests;

public class OrderedWorkersTests
{
    [Fact]
    public void Results_come_back_in_posting_order_whatever_the_finishing_order()
    {
        var collected = new List<int>();
        using (var workers = new OrderedWorkers<int, int>(3, 6, i =>
        {
            // Early items take longest, so later ones finish first.
            Thread.Sleep((20 - i % 20) / 4);
            return i * i;
        }))
        {
            for (int i = 0; i < 100; i++) workers.Post(i, collected.Add);
            workers.Drain(collected.Add);
        }
        collected.ShouldBe(Enumerable.Range(0, 100).Select(i => i * i).ToList());
    }

    [Fact]
    public void Never_has_more_items_in_flight_than_the_window()
    {
        int running = 0, posted = 0, collectedCount = 0, worst = 0;
        using var workers = new OrderedWorkers<int, int>(2, 4, i =>
        {
            Interlocked.Increment(ref running);
            Thread.Sleep(1);
            Interlocked.Decrement(ref running);
            return i;
        });
        for (int i = 0; i < 50; i++)
        {
            workers.Post(i, _ => collectedCount++);
            posted++;
            worst = Math.Max(worst, posted - collectedCount);
        }
        workers.Drain(_ => collectedCount++);
        collectedCount.ShouldBe(50);
        worst.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public void A_failing_item_throws_on_the_collecting_thread_in_its_turn()
    {
        var collected = new List<int>();
        using var workers = new OrderedWorkers<int, int>(2, 4, i => i == 5 ? throw new InvalidOperationException("item 5") : i);
        var error = Should.Throw<InvalidOperationException>(() =>
        {
            for (int i = 0; i < 10; i++) workers.Post(i, collected.Add);
            workers.Drain(collected.Add);
        });
        error.Message.ShouldBe("item 5");
        collected.ShouldBe([0, 1, 2, 3, 4]);
    }
}
