using System.Runtime.CompilerServices;

namespace Dyad.Nlp.Parsing;

/// <summary>
/// Hashes a feature template id and its values straight to a weight-table row, so no feature strings or
/// dictionaries exist at run time (the "hashing trick"). Collisions are rare enough at the table sizes used.
/// </summary>
internal static class FeatureHash
{
    private const ulong K0 = 0x9E3779B97F4A7C15UL;
    private const ulong K1 = 0xBF58476D1CE4E5B9UL;
    private const ulong K2 = 0x94D049BB133111EBUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Row(int bits, int template, ulong a, ulong b = 0, ulong c = 0, ulong d = 0)
    {
        ulong h = ((ulong)template + 1) * K0;
        h = (h ^ a) * K1;
        h = (h ^ (h >> 31) ^ b) * K2;
        h = (h ^ (h >> 29) ^ c) * K1;
        h = (h ^ (h >> 32) ^ d) * K2;
        h ^= h >> 31;
        return (int)(h >> (64 - bits));
    }
}
