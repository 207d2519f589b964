using Dyad.Tests;

namespace Dyad.Knowledge.Tests;

public class SharedDataTests
{
    [Fact]
    public void RepositoryRootHoldsTheSolution() =>
        File.Exists(Path.Combine(SharedData.RepositoryRoot, "Dyad.slnx")).ShouldBeTrue();
}
