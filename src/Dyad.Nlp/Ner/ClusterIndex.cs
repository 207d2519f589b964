using Dyad.Nlp.Features;

namespace Dyad.Nlp.Ner;

/// <summary>
/// Word clusters keyed by the feature hash of the lower-cased word, so a token's cluster is found without building
/// a lower-case string. A path is packed as its bits (first bit highest) and its length.
/// </summary>
internal sealed class ClusterIndex
{
    public const int MaxPathLength = 24;
    private readonly Dictionary<ulong, uint> _packed;

    public ClusterIndex(WordClusters clusters)
    {
        Clusters = clusters;
        _packed = new Dictionary<ulong, uint>(clusters.Count);
        foreach (var (word, path) in clusters.Entries)
        {
            int length = Math.Min(path.Length, MaxPathLength);
            uint bits = 0;
            for (int k = 0; k < length; k++) bits = bits << 1 | (path[k] == '1' ? 1u : 0u);
            _packed[FeatureHash.OfLower(word)] = bits | (uint)length << MaxPathLength;
        }
    }

    public WordClusters Clusters { get; }

    /// <summary>The packed path of the word with lower-case hash <paramref name="lowerHash"/>, or 0 when it has none.</summary>
    public uint Find(ulong lowerHash) => _packed.GetValueOrDefault(lowerHash);

    /// <summary>A feature value naming the first <paramref name="length"/> bits of a packed path (the whole path when shorter).</summary>
    public static ulong Prefix(uint packed, int length)
    {
        int full = (int)(packed >> MaxPathLength);
        uint bits = packed & ((1u << MaxPathLength) - 1);
        if (full > length) { bits >>= full - length; full = length; }
        return (ulong)bits << 5 | (uint)full;
    }
}
