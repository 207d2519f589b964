namespace Dyad.Nlp.Parsing;

/// <summary>
/// Dynamic oracle for arc-eager (Goldberg and Nivre 2012): the cost of a move is the number of gold arcs that
/// become unreachable by taking it. Exact for projective gold trees, which is why training trees are projectivized.
/// </summary>
internal static class ArcEagerOracle
{
    public const int Illegal = int.MaxValue;

    /// <param name="gold">Gold head of each word, index 1..N (index 0 unused).</param>
    public static void Costs(ArcEagerState st, int[] gold, Span<int> costs)
    {
        for (int m = 0; m < ArcEagerState.MoveCount; m++)
            costs[m] = st.IsLegal(m) ? 0 : Illegal;
        if (st.IsTerminal) return;
        int s = st.S0, b = st.Buffer, n = st.N;

        if (costs[ArcEagerState.LeftArc] != Illegal)
        {
            // s gets head b and leaves: its gold head further in the buffer and its gold dependents in the buffer are lost.
            int c = gold[s] > b ? 1 : 0;
            for (int k = b; k <= n; k++) if (gold[k] == s) c++;
            costs[ArcEagerState.LeftArc] = c;
        }
        if (costs[ArcEagerState.RightArc] != Illegal)
        {
            // b gets head s and goes on the stack: a different gold head in the buffer or on the stack is lost,
            // and so are headless stack words whose gold head is b.
            int c = 0;
            int g = gold[b];
            if (g != s && (g > b || OnStackAndFree(st, g))) c++;
            for (int i = 0; i < st.StackSize; i++)
            {
                int k = st.Stack[i];
                if (k != 0 && st.Head[k] < 0 && gold[k] == b) c++;
            }
            costs[ArcEagerState.RightArc] = c;
        }
        if (costs[ArcEagerState.Reduce] != Illegal)
        {
            int c = 0;
            for (int k = b; k <= n; k++) if (gold[k] == s) c++;
            costs[ArcEagerState.Reduce] = c;
        }
        if (costs[ArcEagerState.Shift] != Illegal)
        {
            // b goes on the stack: arcs between b and any stack word are lost.
            int c = 0;
            int g = gold[b];
            if (g < b && OnStackAndFree(st, g)) c++;
            for (int i = 0; i < st.StackSize; i++)
            {
                int k = st.Stack[i];
                if (k != 0 && st.Head[k] < 0 && gold[k] == b) c++;
            }
            costs[ArcEagerState.Shift] = c;
        }
    }

    /// <summary>Whether stack word <paramref name="g"/> can still take a dependent (the root takes only one).</summary>
    private static bool OnStackAndFree(ArcEagerState st, int g) => st.InStack[g] && (g != 0 || st.RootChild < 0);
}
