namespace Dyad.Nlp.Parsing;

/// <summary>
/// Makes a tree projective by lifting non-projective arcs to the head's head (shortest arc first), the
/// standard preprocessing before training a projective transition system (Nivre and Nilsson 2005, without
/// label encoding). A few percent of EWT sentences are non-projective.
/// </summary>
internal static class Projectivizer
{
    /// <param name="heads">Head of word i at index i (1..n); index 0 is ignored. Returns a new array.</param>
    public static int[] Lift(int[] heads)
    {
        var h = (int[])heads.Clone();
        int n = h.Length - 1;
        while (true)
        {
            int worst = -1, worstLength = int.MaxValue;
            for (int d = 1; d <= n; d++)
            {
                int head = h[d];
                if (head == 0) continue;
                int len = Math.Abs(head - d);
                if (len >= worstLength || len < 2) continue;
                if (!IsProjective(h, head, d)) { worst = d; worstLength = len; }
            }
            if (worst < 0) return h;
            h[worst] = h[h[worst]];
        }
    }

    public static bool IsProjective(int[] heads)
    {
        for (int d = 1; d < heads.Length; d++)
            if (heads[d] != 0 && !IsProjective(heads, heads[d], d)) return false;
        return true;
    }

    private static bool IsProjective(int[] h, int head, int dep)
    {
        int lo = Math.Min(head, dep), hi = Math.Max(head, dep);
        for (int k = lo + 1; k < hi; k++)
            if (!Dominates(h, head, k)) return false;
        return true;
    }

    private static bool Dominates(int[] h, int ancestor, int k)
    {
        int guard = h.Length;
        while (k != 0 && guard-- > 0)
        {
            k = h[k];
            if (k == ancestor) return true;
        }
        return ancestor == 0;
    }
}
