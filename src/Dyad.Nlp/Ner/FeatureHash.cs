using System.Runtime.CompilerServices;

namespace Dyad.Nlp.Ner;

/// <summary>
/// 64-bit feature keys built without allocating strings: FNV-1a over characters, then mixed with a template id.
/// Collisions at 64 bits are negligible for a few million features, so no string is ever kept for a feature.
/// </summary>
internal static class FeatureHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong hash = Seed;
        foreach (char c in text) hash = Add(hash, c);
        return hash;
    }

    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        ulong hash = Seed;
        foreach (char c in text) hash = Add(hash, char.ToLowerInvariant(c));
        return hash;
    }

    /// <summary>Key of feature template <paramref name="template"/> with value hash <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong value) => Mix(value ^ ((ulong)(uint)template * 0x9E3779B97F4A7C15UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Mix(Feature(template, a) ^ (b * 0xC2B2AE3D27D4EB4FUL));

    // SplitMix64 finalizer: spreads FNV's weak low bits so dictionary buckets stay even.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
