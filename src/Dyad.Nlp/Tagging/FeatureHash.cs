namespace Dyad.Nlp.Tagging;

/// <summary>
/// Stable 64-bit hashing of feature values. Written by hand (FNV-1a plus a SplitMix64 finaliser) because
/// string.GetHashCode is randomised per process and models must hash identically across runs and machines.
/// Feature keys are hashes, so extraction allocates no strings.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Begin() => Offset;

    public static ulong Add(ulong h, char c) => (h ^ c) * Prime;

    public static ulong Text(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s) h = (h ^ c) * Prime;
        return Mix(h);
    }

    public static ulong Text(string s) => Text(s.AsSpan());

    /// <summary>Finalises an FNV state so nearby inputs spread over all bits.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Key of feature template <paramref name="template"/> with one value.</summary>
    public static ulong Key(int template, ulong value) => Mix(value ^ ((ulong)template * 0xD6E8FEB86659FD93UL));

    /// <summary>Key of a template over two values (a conjunction).</summary>
    public static ulong Key(int template, ulong a, ulong b) => Mix(Key(template, a) ^ (b * 0xA0761D6478BD642FUL));

    public static ulong Key(int template, ulong a, ulong b, ulong c) => Mix(Key(template, a, b) ^ (c * 0xE7037ED1A0B428DBUL));
}
