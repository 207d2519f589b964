namespace Dyad.Nlp.Parsing;

/// <summary>
/// Feature templates. Move features follow Zhang and Nivre (2011): words, tags, distance, valency, labels and
/// label sets of the stack top, the next buffer words and their heads and outermost children. Label features
/// describe one new arc (head, dependent, direction) in its context.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxMoveFeatures = 112;
    public const int MaxLabelFeatures = 48;

    private static ulong Dist(int s0, int n0)
    {
        if (s0 < 0 || n0 < 0) return 0;
        int d = s0 == 0 ? 0 : n0 - s0;
        return d switch { <= 4 => (ulong)d + 1, <= 6 => 6, <= 9 => 7, <= 14 => 8, _ => 9 };
    }

    /// <summary>All move features of a state: the static ones (<see cref="StaticMoves"/>) followed by the dynamic ones.</summary>
    public static int Moves(ArcEagerState st, EncodedSentence x, int bits, Span<int> rows)
    {
        int k = StaticMoves(st.S0, st.N0, x, bits, rows);
        return k + DynamicMoves(st, x, bits, rows[k..]);
    }

    /// <summary>
    /// Move features that depend only on the positions of the stack top <paramref name="s0"/> and the first buffer
    /// word <paramref name="n0"/> (their words, the next two words, the distance), not on the partial tree. A beam
    /// meets the same pair many times per sentence, so the decoder scores these once per pair
    /// (<see cref="PairScoreCache"/>).
    /// </summary>
    public static int StaticMoves(int s0, int n0, EncodedSentence x, int bits, Span<int> rows)
    {
        int n1 = n0 >= 0 && n0 + 1 <= x.N ? n0 + 1 : -1, n2 = n0 >= 0 && n0 + 2 <= x.N ? n0 + 2 : -1;
        ulong s0w = W(x, s0), s0p = P(x, s0), n0w = W(x, n0), n0p = P(x, n0);
        ulong n1w = W(x, n1), n1p = P(x, n1), n2w = W(x, n2), n2p = P(x, n2);
        ulong d = Dist(s0, n0);
        ulong s0u = U(x, s0), n0u = U(x, n0), n1u = U(x, n1);
        ulong s0suf = Suf(x, s0), n0suf = Suf(x, n0), n1suf = Suf(x, n1);
        ulong s0shape = Shape(x, s0), n0shape = Shape(x, n0);
        int k = 0;
        rows[k++] = FeatureHash.Row(bits, 1, s0w, s0p);
        rows[k++] = FeatureHash.Row(bits, 2, s0w);
        rows[k++] = FeatureHash.Row(bits, 3, s0p);
        rows[k++] = FeatureHash.Row(bits, 4, n0w, n0p);
        rows[k++] = FeatureHash.Row(bits, 5, n0w);
        rows[k++] = FeatureHash.Row(bits, 6, n0p);
        rows[k++] = FeatureHash.Row(bits, 7, n1w, n1p);
        rows[k++] = FeatureHash.Row(bits, 8, n1w);
        rows[k++] = FeatureHash.Row(bits, 9, n1p);
        rows[k++] = FeatureHash.Row(bits, 10, n2w, n2p);
        rows[k++] = FeatureHash.Row(bits, 11, n2w);
        rows[k++] = FeatureHash.Row(bits, 12, n2p);
        rows[k++] = FeatureHash.Row(bits, 13, s0w, s0p, n0w, n0p);
        rows[k++] = FeatureHash.Row(bits, 14, s0w, s0p, n0w);
        rows[k++] = FeatureHash.Row(bits, 15, s0w, n0w, n0p);
        rows[k++] = FeatureHash.Row(bits, 16, s0w, s0p, n0p);
        rows[k++] = FeatureHash.Row(bits, 17, s0p, n0w, n0p);
        rows[k++] = FeatureHash.Row(bits, 18, s0w, n0w);
        rows[k++] = FeatureHash.Row(bits, 19, s0p, n0p);
        rows[k++] = FeatureHash.Row(bits, 20, n0p, n1p);
        rows[k++] = FeatureHash.Row(bits, 21, n0p, n1p, n2p);
        rows[k++] = FeatureHash.Row(bits, 22, s0p, n0p, n1p);
        rows[k++] = FeatureHash.Row(bits, 27, s0w, d);
        rows[k++] = FeatureHash.Row(bits, 28, s0p, d);
        rows[k++] = FeatureHash.Row(bits, 29, n0w, d);
        rows[k++] = FeatureHash.Row(bits, 30, n0p, d);
        rows[k++] = FeatureHash.Row(bits, 31, s0w, n0w, d);
        rows[k++] = FeatureHash.Row(bits, 32, s0p, n0p, d);
        rows[k++] = FeatureHash.Row(bits, 76, s0u, n0u, n1u);
        rows[k++] = FeatureHash.Row(bits, 78, (ulong)x.Suffix[Math.Max(n0, 0)] * (n0 >= 0 ? 1UL : 0UL), n0p, s0p);
        rows[k++] = FeatureHash.Row(bits, 80, s0u, n0u);
        rows[k++] = FeatureHash.Row(bits, 81, s0u, n0w);
        rows[k++] = FeatureHash.Row(bits, 82, s0w, n0u);
        rows[k++] = FeatureHash.Row(bits, 83, s0suf, n0suf);
        rows[k++] = FeatureHash.Row(bits, 84, s0suf, n0p);
        rows[k++] = FeatureHash.Row(bits, 85, s0p, n0suf);
        rows[k++] = FeatureHash.Row(bits, 86, n0suf, n1suf);
        rows[k++] = FeatureHash.Row(bits, 87, n0w, n1w);
        rows[k++] = FeatureHash.Row(bits, 88, s0w, n0w, n1w);
        rows[k++] = FeatureHash.Row(bits, 90, s0u, n0u, d);
        rows[k++] = FeatureHash.Row(bits, 91, n0shape, n0p);
        rows[k++] = FeatureHash.Row(bits, 92, s0shape, s0p);
        rows[k++] = FeatureHash.Row(bits, 95, s0w, n0p, n1p);
        rows[k++] = FeatureHash.Row(bits, 96, s0p, n0w, n1p);
        rows[k++] = FeatureHash.Row(bits, 97, s0suf, n0suf, n0p);
        rows[k++] = FeatureHash.Row(bits, 79, 0); // bias
        return k;
    }

    /// <summary>Move features of the partial tree: heads, children, valencies, labels and the second stack word.</summary>
    public static int DynamicMoves(ArcEagerState st, EncodedSentence x, int bits, Span<int> rows)
    {
        int s0 = st.S0, s1 = st.S1, n0 = st.N0;
        int s0h = s0 > 0 ? st.Head[s0] : -1;
        int s0h2 = s0h > 0 ? st.Head[s0h] : -1;
        int s0l = st.Left1[s0], s0l2 = st.Left2[s0], s0r = st.Right1[s0], s0r2 = st.Right2[s0];
        int n0l = n0 >= 0 ? st.Left1[n0] : -1, n0l2 = n0 >= 0 ? st.Left2[n0] : -1;

        ulong s0w = W(x, s0), s0p = P(x, s0), n0w = W(x, n0), n0p = P(x, n0);
        ulong s0hw = W(x, s0h), s0hp = P(x, s0h), s0h2w = W(x, s0h2), s0h2p = P(x, s0h2);
        ulong s0lw = W(x, s0l), s0lp = P(x, s0l), s0rw = W(x, s0r), s0rp = P(x, s0r);
        ulong s0l2w = W(x, s0l2), s0l2p = P(x, s0l2), s0r2w = W(x, s0r2), s0r2p = P(x, s0r2);
        ulong n0lw = W(x, n0l), n0lp = P(x, n0l), n0l2w = W(x, n0l2), n0l2p = P(x, n0l2);
        ulong s0L = L(st, s0), s0hL = L(st, s0h), s0lL = L(st, s0l), s0rL = L(st, s0r), n0lL = L(st, n0l);
        ulong s0l2L = L(st, s0l2), s0r2L = L(st, s0r2), n0l2L = L(st, n0l2);
        ulong s0vl = (ulong)st.LeftCount[s0], s0vr = (ulong)st.RightCount[s0], n0vl = n0 >= 0 ? (ulong)st.LeftCount[n0] : 0;
        ulong s0sl = st.LeftLabels[s0], s0sr = st.RightLabels[s0], n0sl = n0 >= 0 ? st.LeftLabels[n0] : 0;
        ulong s1p = P(x, s1), s0u = U(x, s0), n0u = U(x, n0), s0hu = U(x, s0h), s1w = W(x, s1);
        ulong s0hasHead = s0 > 0 && st.Head[s0] >= 0 ? 1UL : 0UL;
        int k = 0;
        rows[k++] = FeatureHash.Row(bits, 23, s0hp, s0p, n0p);
        rows[k++] = FeatureHash.Row(bits, 24, s0p, s0lp, n0p);
        rows[k++] = FeatureHash.Row(bits, 25, s0p, s0rp, n0p);
        rows[k++] = FeatureHash.Row(bits, 26, s0p, n0p, n0lp);
        rows[k++] = FeatureHash.Row(bits, 33, s0w, s0vr);
        rows[k++] = FeatureHash.Row(bits, 34, s0p, s0vr);
        rows[k++] = FeatureHash.Row(bits, 35, s0w, s0vl);
        rows[k++] = FeatureHash.Row(bits, 36, s0p, s0vl);
        rows[k++] = FeatureHash.Row(bits, 37, n0w, n0vl);
        rows[k++] = FeatureHash.Row(bits, 38, n0p, n0vl);
        rows[k++] = FeatureHash.Row(bits, 39, s0hw);
        rows[k++] = FeatureHash.Row(bits, 40, s0hp);
        rows[k++] = FeatureHash.Row(bits, 41, s0L);
        rows[k++] = FeatureHash.Row(bits, 42, s0lw);
        rows[k++] = FeatureHash.Row(bits, 43, s0lp);
        rows[k++] = FeatureHash.Row(bits, 44, s0lL);
        rows[k++] = FeatureHash.Row(bits, 45, s0rw);
        rows[k++] = FeatureHash.Row(bits, 46, s0rp);
        rows[k++] = FeatureHash.Row(bits, 47, s0rL);
        rows[k++] = FeatureHash.Row(bits, 48, n0lw);
        rows[k++] = FeatureHash.Row(bits, 49, n0lp);
        rows[k++] = FeatureHash.Row(bits, 50, n0lL);
        rows[k++] = FeatureHash.Row(bits, 51, s0h2w);
        rows[k++] = FeatureHash.Row(bits, 52, s0h2p);
        rows[k++] = FeatureHash.Row(bits, 53, s0hL);
        rows[k++] = FeatureHash.Row(bits, 54, s0l2w);
        rows[k++] = FeatureHash.Row(bits, 55, s0l2p);
        rows[k++] = FeatureHash.Row(bits, 56, s0l2L);
        rows[k++] = FeatureHash.Row(bits, 57, s0r2w);
        rows[k++] = FeatureHash.Row(bits, 58, s0r2p);
        rows[k++] = FeatureHash.Row(bits, 59, s0r2L);
        rows[k++] = FeatureHash.Row(bits, 60, n0l2w);
        rows[k++] = FeatureHash.Row(bits, 61, n0l2p);
        rows[k++] = FeatureHash.Row(bits, 62, n0l2L);
        rows[k++] = FeatureHash.Row(bits, 63, s0p, s0lp, s0l2p);
        rows[k++] = FeatureHash.Row(bits, 64, s0p, s0rp, s0r2p);
        rows[k++] = FeatureHash.Row(bits, 65, s0p, s0hp, s0h2p);
        rows[k++] = FeatureHash.Row(bits, 66, n0p, n0lp, n0l2p);
        rows[k++] = FeatureHash.Row(bits, 67, s0w, s0sr);
        rows[k++] = FeatureHash.Row(bits, 68, s0p, s0sr);
        rows[k++] = FeatureHash.Row(bits, 69, s0w, s0sl);
        rows[k++] = FeatureHash.Row(bits, 70, s0p, s0sl);
        rows[k++] = FeatureHash.Row(bits, 71, n0w, n0sl);
        rows[k++] = FeatureHash.Row(bits, 72, n0p, n0sl);
        rows[k++] = FeatureHash.Row(bits, 73, s1p, s0p, n0p);
        rows[k++] = FeatureHash.Row(bits, 74, s0hasHead, s0p, n0p);
        rows[k++] = FeatureHash.Row(bits, 75, s0hasHead, s0L, n0p);
        rows[k++] = FeatureHash.Row(bits, 77, s0hasHead, s0w, n0w);
        rows[k++] = FeatureHash.Row(bits, 89, s0hu, s0u, n0u);
        rows[k++] = FeatureHash.Row(bits, 93, s1w, s1p);
        rows[k++] = FeatureHash.Row(bits, 94, s1p, s0p);
        return k;
    }

    /// <summary>Features of the arc head → dep about to be added: the static ones (<see cref="StaticLabel"/>) followed by the dynamic ones.</summary>
    public static int Label(ArcEagerState st, EncodedSentence x, int head, int dep, int bits, Span<int> rows)
    {
        int k = StaticLabel(x, head, dep, bits, rows);
        return k + DynamicLabel(st, x, head, dep, bits, rows[k..]);
    }

    /// <summary>Label features that depend only on the two words of the arc and their neighbours, not on the partial tree.</summary>
    public static int StaticLabel(EncodedSentence x, int head, int dep, int bits, Span<int> rows)
    {
        ulong dir = dep < head ? 1UL : 2UL;
        ulong hw = W(x, head), hp = P(x, head), dw = W(x, dep), dp = P(x, dep), hu = U(x, head), du = U(x, dep);
        ulong dist = head == 0 ? 0 : (ulong)Math.Min(Math.Abs(head - dep), 10);
        ulong dsuf = (ulong)x.Suffix[dep], dshape = (ulong)x.Shape[dep];
        ulong dnext = P(x, dep + 1 <= x.N ? dep + 1 : -1), dprev = P(x, dep - 1 >= 1 ? dep - 1 : -1);
        ulong dnextw = W(x, dep + 1 <= x.N ? dep + 1 : -1), hsuf = Suf(x, head), hshape = Shape(x, head);
        int k = 0;
        rows[k++] = FeatureHash.Row(bits, 101, dir, hw);
        rows[k++] = FeatureHash.Row(bits, 102, dir, hp);
        rows[k++] = FeatureHash.Row(bits, 103, dir, dw);
        rows[k++] = FeatureHash.Row(bits, 104, dir, dp);
        rows[k++] = FeatureHash.Row(bits, 105, dir, hw, dp);
        rows[k++] = FeatureHash.Row(bits, 106, dir, hp, dw);
        rows[k++] = FeatureHash.Row(bits, 107, dir, hp, dp);
        rows[k++] = FeatureHash.Row(bits, 108, dir, hw, dw);
        rows[k++] = FeatureHash.Row(bits, 109, dir, hu, du);
        rows[k++] = FeatureHash.Row(bits, 110, dir, dp, dist);
        rows[k++] = FeatureHash.Row(bits, 111, dir, hp, dp, dist);
        rows[k++] = FeatureHash.Row(bits, 112, dir, dsuf, dp);
        rows[k++] = FeatureHash.Row(bits, 113, dir, dshape, dp, hp);
        rows[k++] = FeatureHash.Row(bits, 121, dir, dnext, dp);
        rows[k++] = FeatureHash.Row(bits, 122, dir, dprev, dp);
        rows[k++] = FeatureHash.Row(bits, 126, dir, hw, dsuf);
        rows[k++] = FeatureHash.Row(bits, 129, dir, dw, du);
        rows[k++] = FeatureHash.Row(bits, 130, dir, hw, du);
        rows[k++] = FeatureHash.Row(bits, 131, dir, hu, dw);
        rows[k++] = FeatureHash.Row(bits, 132, dir, dsuf, hsuf);
        rows[k++] = FeatureHash.Row(bits, 133, dir, dsuf, du, hu);
        rows[k++] = FeatureHash.Row(bits, 134, dir, dnextw, dp);
        rows[k++] = FeatureHash.Row(bits, 136, dir, dshape, du, dist);
        rows[k++] = FeatureHash.Row(bits, 137, dir, dsuf, hp);
        rows[k++] = FeatureHash.Row(bits, 138, dir, du, hu, dist);
        rows[k++] = FeatureHash.Row(bits, 139, dir, hw, dw, dp);
        rows[k++] = FeatureHash.Row(bits, 140, dir, hshape, dp, hp);
        rows[k++] = FeatureHash.Row(bits, 128, 0); // bias
        return k;
    }

    /// <summary>Label features of the partial tree around the arc: the head's label and head, the children's labels.</summary>
    public static int DynamicLabel(ArcEagerState st, EncodedSentence x, int head, int dep, int bits, Span<int> rows)
    {
        ulong dir = dep < head ? 1UL : 2UL;
        ulong hp = P(x, head), dw = W(x, dep), dp = P(x, dep), hu = U(x, head), du = U(x, dep);
        int hh = head > 0 ? st.Head[head] : -1;
        ulong hL = L(st, head), hhp = P(x, hh);
        ulong dl1 = L(st, st.Left1[dep]), dr1 = L(st, st.Right1[dep]);
        ulong dsl = st.LeftLabels[dep], dsr = st.RightLabels[dep];
        ulong hsl = st.LeftLabels[head], hsr = st.RightLabels[head];
        ulong dl1w = W(x, st.Left1[dep]), dl1p = P(x, st.Left1[dep]);
        int k = 0;
        rows[k++] = FeatureHash.Row(bits, 114, dir, hL, hp, dp);
        rows[k++] = FeatureHash.Row(bits, 115, dir, dl1, dp);
        rows[k++] = FeatureHash.Row(bits, 116, dir, dr1, dp);
        rows[k++] = FeatureHash.Row(bits, 117, dir, dsl, dp);
        rows[k++] = FeatureHash.Row(bits, 118, dir, dsr, dp);
        rows[k++] = FeatureHash.Row(bits, 119, dir, hsl, hp, dp);
        rows[k++] = FeatureHash.Row(bits, 120, dir, hsr, hp, dp);
        rows[k++] = FeatureHash.Row(bits, 123, dir, hhp, hp, dp);
        rows[k++] = FeatureHash.Row(bits, 124, dir, dl1w, dp);
        rows[k++] = FeatureHash.Row(bits, 125, dir, dl1p, dp, hp);
        rows[k++] = FeatureHash.Row(bits, 127, dir, hL, dw);
        rows[k++] = FeatureHash.Row(bits, 135, dir, hL, du, hu);
        return k;
    }

    internal static ulong W(EncodedSentence x, int i) => i < 0 ? 0UL : (ulong)x.Word[i];
    internal static ulong P(EncodedSentence x, int i) => i < 0 ? 0UL : (ulong)x.Xpos[i];
    internal static ulong U(EncodedSentence x, int i) => i < 0 ? 0UL : (ulong)x.Upos[i];
    private static ulong Shape(EncodedSentence x, int i) => i < 0 ? 0UL : (ulong)x.Shape[i];
    private static ulong Suf(EncodedSentence x, int i) => i < 0 ? 0UL : (ulong)x.Suffix[i];
    private static ulong L(ArcEagerState st, int i) => i < 0 || st.Label[i] < 0 ? 0UL : (ulong)st.Label[i] + 1;
}
