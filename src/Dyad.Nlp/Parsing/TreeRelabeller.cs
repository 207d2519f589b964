namespace Dyad.Nlp.Parsing;

/// <summary>
/// Second-stage labeller: once the tree is complete, each arc's relation is chosen again from features of the whole
/// tree. The in-beam labeller names an arc the moment it is built, which for a right arc is before the dependent has
/// any children, so it cannot see the "to" of an xcomp, the subject of a ccomp or the case marker of an obl; this
/// one sees the dependent's children, the head's other children (order among same-tag siblings: iobj before obj)
/// and the grandparent. Trained on gold trees (with the parser's predicted tags), applied to predicted ones; the tree
/// itself is unchanged, so attachment scores are too.
/// </summary>
internal sealed class TreeRelabeller
{
    public const int MaxFeatures = 96;
    private const int MaxChildrenUsed = 8;

    public TreeRelabeller(HashedPerceptron model, float margin = 0)
    {
        if (!(margin >= 0) || float.IsInfinity(margin)) throw new ArgumentOutOfRangeException(nameof(margin));
        Model = model;
        Margin = margin;
    }

    public HashedPerceptron Model { get; }

    /// <summary>
    /// How much more the relabeller must score its choice than the in-beam label before it overrides it. The
    /// relabeller is trained on gold trees, so on a predicted tree its near-ties are often worse guesses than the
    /// in-beam labeller's; a margin chosen on dev keeps only its confident corrections.
    /// </summary>
    public float Margin { get; }

    /// <summary>The label to keep for an arc the in-beam labeller named <paramref name="inBeam"/>, given this relabeller's scores.</summary>
    public int Choose(ReadOnlySpan<float> scores, int best, int inBeam) =>
        inBeam < 0 || scores[best] - scores[inBeam] > Margin ? best : inBeam;

    /// <summary>
    /// Features of the arc into <paramref name="dep"/> in the complete tree <paramref name="tree"/>: the in-beam
    /// labeller's static arc features plus the tree context around the arc.
    /// </summary>
    public static int Features(EncodedSentence x, TreeChildren tree, int dep, int bits, Span<int> rows)
    {
        int head = tree.Head[dep];
        int k = ParserFeatures.StaticLabel(x, head, dep, bits, rows);
        ulong dir = dep < head ? 1UL : 2UL;
        ulong hp = P(x, head), dp = P(x, dep), du = U(x, dep), dw = W(x, dep);
        int hh = head > 0 ? tree.Head[head] : -1;
        ulong hhp = P(x, hh), hhw = W(x, hh), hhDir = hh < 0 ? 0UL : head < hh ? 1UL : 2UL;
        rows[k++] = FeatureHash.Row(bits, 201, dir, hhp, hp, dp);
        rows[k++] = FeatureHash.Row(bits, 202, dir, hhw, hp, dp);
        rows[k++] = FeatureHash.Row(bits, 203, dir, hhDir, hp, du);

        // The dependent's own children: their tags and words (function words such as "to", "that", "of" mark the relation).
        int left = 0, right = 0, used = 0;
        for (int i = tree.Start[dep]; i < tree.Start[dep + 1]; i++)
        {
            int c = tree.Kids[i];
            ulong side = c < dep ? 1UL : 2UL;
            if (c < dep) left++; else right++;
            if (used++ >= MaxChildrenUsed) continue;
            rows[k++] = FeatureHash.Row(bits, 210, dir, dp, side, P(x, c));
            rows[k++] = FeatureHash.Row(bits, 211, dir, dp, side, W(x, c));
            rows[k++] = FeatureHash.Row(bits, 212, dir, hp, dp, P(x, c));
        }
        rows[k++] = FeatureHash.Row(bits, 213, dir, dp, (ulong)Math.Min(left, 3), (ulong)Math.Min(right, 3));

        // The head's other children, seen from the dependent, and the dependent's rank among same-UPOS siblings on its side.
        int rank = 0, sameSide = 0;
        used = 0;
        for (int i = tree.Start[head]; i < tree.Start[head + 1]; i++)
        {
            int s = tree.Kids[i];
            if (s == dep) continue;
            bool sameSideOfHead = (s < head) == (dep < head);
            if (sameSideOfHead && x.Upos[s] == x.Upos[dep])
            {
                sameSide++;
                if (Math.Abs(s - head) < Math.Abs(dep - head)) rank++;
            }
            if (used++ >= MaxChildrenUsed) continue;
            ulong rel = s < dep ? 1UL : 2UL;
            rows[k++] = FeatureHash.Row(bits, 220, dir, dp, rel, P(x, s));
            rows[k++] = FeatureHash.Row(bits, 221, dir, du, rel, W(x, s));
        }
        rows[k++] = FeatureHash.Row(bits, 222, dir, du, hp, (ulong)Math.Min(rank, 3) * 4 + (ulong)Math.Min(sameSide, 3));
        rows[k++] = FeatureHash.Row(bits, 223, dir, dw, (ulong)Math.Min(rank, 3) * 4 + (ulong)Math.Min(sameSide, 3));
        return k;
    }

    private static ulong W(EncodedSentence x, int i) => ParserFeatures.W(x, i);
    private static ulong P(EncodedSentence x, int i) => ParserFeatures.P(x, i);
    private static ulong U(EncodedSentence x, int i) => ParserFeatures.U(x, i);
}

/// <summary>A complete tree's children lists, left to right, in one array (reused between sentences).</summary>
internal sealed class TreeChildren
{
    public int N;
    /// <summary>Head of each word 1..N (0 = root).</summary>
    public int[] Head = new int[64];
    /// <summary>Children of word h are Kids[Start[h] .. Start[h + 1]).</summary>
    public int[] Start = new int[66];
    public int[] Kids = new int[64];

    /// <summary>Reads the tree from <paramref name="heads"/>, indexed 1..n (index 0 unused).</summary>
    public void Build(ReadOnlySpan<int> heads, int n)
    {
        N = n;
        if (Head.Length < n + 1)
        {
            int cap = Math.Max(n + 1, Head.Length * 2);
            Head = new int[cap]; Kids = new int[cap]; Start = new int[cap + 2];
        }
        Array.Clear(Start, 0, n + 2);
        Head[0] = -1;
        for (int d = 1; d <= n; d++)
        {
            Head[d] = heads[d];
            Start[heads[d] + 1]++;
        }
        for (int h = 1; h <= n + 1; h++) Start[h] += Start[h - 1];
        // Fill in word order so each list is sorted; Start[h] is used as the cursor and restored afterwards.
        for (int d = 1; d <= n; d++) Kids[Start[heads[d]]++] = d;
        for (int h = n; h >= 1; h--) Start[h] = Start[h - 1];
        Start[0] = 0;
    }
}
