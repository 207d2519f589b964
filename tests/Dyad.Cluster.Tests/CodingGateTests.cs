using Dyad.Cluster.Hosting;

namespace Dyad.Cluster.Tests;

public sealed class CodingGateTests
{
    [Fact]
    public async Task A_freed_slot_goes_to_a_waiting_commit_before_waiting_coding()
    {
        var gate = new CodingGate(1);
        await gate.EnterAsync(commit: false); // an item codes
        var coding = gate.EnterAsync(commit: false);
        var commit = gate.EnterAsync(commit: true);
        coding.IsCompleted.ShouldBeFalse();
        commit.IsCompleted.ShouldBeFalse();

        gate.Leave();
        await commit.WaitAsync(TimeSpan.FromSeconds(5));
        coding.IsCompleted.ShouldBeFalse();

        gate.Leave();
        await coding.WaitAsync(TimeSpan.FromSeconds(5));
        gate.Leave();
        gate.EnterAsync(commit: false).IsCompleted.ShouldBeTrue(); // nobody waits: the slot is free again
        gate.EnterAsync(commit: true).IsCompleted.ShouldBeFalse(); // and one slot means one at a time
    }
}
