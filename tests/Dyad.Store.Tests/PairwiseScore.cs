namespace Dyad.Store.Tests;

/// <summary>
/// Pairwise precision and recall of a clustering against gold clusters: over all pairs of items, a pair the system
/// put together is right when gold has them together too.
/// </summary>
internal static class PairwiseScore
{
    public static (double Precision, double Recall, int TruePairs, int SystemPairs, int GoldPairs) Of<T>(IReadOnlyList<T> gold, IReadOnlyList<long> system)
        where T : notnull
    {
        int both = 0, sys = 0, gol = 0;
        for (int i = 0; i < gold.Count; i++)
            for (int j = i + 1; j < gold.Count; j++)
            {
                bool s = system[i] == system[j];
                bool g = gold[i].Equals(gold[j]);
                if (s) sys++;
                if (g) gol++;
                if (s && g) both++;
            }
        return (sys == 0 ? 1 : (double)both / sys, gol == 0 ? 1 : (double)both / gol, both, sys, gol);
    }
}
