using CsCheck;
using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Tests.Parsing;

public class TransitionSystemTests
{
    /// <summary>Random projective trees: a word's dependents are built recursively inside its own span.</summary>
    private static readonly Gen<int[]> ProjectiveTree =
        Gen.Int[1, 25].SelectMany(n => Gen.Int.Array[n].Select(r => Build(n, r)));

    private static int[] Build(int n, int[] random)
    {
        var heads = new int[n + 1];
        int k = 0;
        int Next(int bound) => (int)((uint)random[k++ % random.Length] % (uint)bound);
        void Span(int lo, int hi, int head)
        {
            if (lo > hi) return;
            int root = lo + Next(hi - lo + 1);
            heads[root] = head;
            Span(lo, root - 1, root);
            Span(root + 1, hi, root);
        }
        Span(1, n, 0);
        return heads;
    }

    [Fact]
    public void ZeroCostMovesRebuildEveryProjectiveTree()
    {
        ProjectiveTree.Sample(gold =>
        {
            int n = gold.Length - 1;
            var st = new ArcEagerState();
            st.Reset(n);
            Span<int> costs = stackalloc int[ArcEagerState.MoveCount];
            while (!st.IsTerminal)
            {
                ArcEagerOracle.Costs(st, gold, costs);
                int move = -1;
                for (int m = ArcEagerState.MoveCount - 1; m >= 0; m--) if (costs[m] == 0) move = m;
                if (move < 0) return false;
                st.Apply(move, 0);
            }
            for (int i = 1; i <= n; i++) if (st.Head[i] != gold[i]) return false;
            return true;
        }, iter: 300);
    }

    [Fact]
    public void WrongMoveCostsTheArcsItMakesUnreachable()
    {
        // gold: 1 <- 2 -> 3, root -> 2. With word 1 on the stack, pushing word 2 over it loses both 2 -> 1 and root -> 2.
        int[] gold = [0, 2, 0, 2];
        var st = new ArcEagerState();
        st.Reset(3);
        st.Apply(ArcEagerState.Shift, -1);
        Span<int> costs = stackalloc int[ArcEagerState.MoveCount];
        ArcEagerOracle.Costs(st, gold, costs);
        costs[ArcEagerState.LeftArc].ShouldBe(0);
        costs[ArcEagerState.Shift].ShouldBe(2);
        costs[ArcEagerState.RightArc].ShouldBe(2); // loses 2 -> 1 and root -> 2
        costs[ArcEagerState.Reduce].ShouldBe(ArcEagerOracle.Illegal);
    }

    [Fact]
    public void LiftingMakesNonProjectiveTreesProjective()
    {
        // "A hearing is scheduled on the issue today": 1->? classic crossing arc from 'hearing' to 'on'
        int[] heads = [0, 2, 4, 4, 0, 7, 7, 2, 4];
        Projectivizer.IsProjective(heads).ShouldBeFalse();
        var lifted = Projectivizer.Lift(heads);
        Projectivizer.IsProjective(lifted).ShouldBeTrue();
        lifted[7].ShouldBe(4); // 'issue' lifted from 'hearing' to its head 'scheduled'
        heads[7].ShouldBe(2);  // input untouched
    }

    [Fact]
    public void ProjectiveTreesAreLeftAlone() =>
        ProjectiveTree.Sample(t => Projectivizer.Lift(t).AsSpan().SequenceEqual(t), iter: 200);
}
