using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Tests.Parsing;

public class TreeChildrenTests
{
    [Fact]
    public void ChildrenAreListedPerHeadInWordOrder()
    {
        // "Officials said talks resumed ." : said is the root; officials and resumed hang on said, talks on resumed.
        int[] heads = [-1, 2, 0, 4, 2, 2];
        var tree = new TreeChildren();
        tree.Build(heads, 5);
        Children(tree, 0).ShouldBe([2]);
        Children(tree, 2).ShouldBe([1, 4, 5]);
        Children(tree, 4).ShouldBe([3]);
        Children(tree, 1).ShouldBeEmpty();
        Children(tree, 5).ShouldBeEmpty();
        tree.Head[4].ShouldBe(2);

        // Reused for a shorter sentence, nothing of the first one is left.
        tree.Build([-1, 0, 1], 2);
        Children(tree, 0).ShouldBe([1]);
        Children(tree, 1).ShouldBe([2]);
        Children(tree, 2).ShouldBeEmpty();
    }

    private static int[] Children(TreeChildren tree, int head) => tree.Kids[tree.Start[head]..tree.Start[head + 1]];
}
