namespace Dyad.Nlp.Tagging;

/// <summary>
/// Feature templates of the morphological-feature model. It runs after tagging, so it sees the tags on both sides,
/// plus two long-range cues: the nearest subject-like word to the left (for verb Number/Person agreement) and the
/// nearest auxiliary/modal/"to" to the left (for passive Voice, infinitive vs. imperative).
/// </summary>
internal static class FeatsFeatures
{
    public const int MaxFeatures = 24;

    public static int Extract(ReadOnlySpan<WordInfo> words, int i, ReadOnlySpan<int> tags, ulong subjectCue, ulong auxCue, Span<ulong> f)
    {
        ref readonly var w = ref words[i + 2];
        ref readonly var p1 = ref words[i + 1];
        ref readonly var p2 = ref words[i];
        ref readonly var n1 = ref words[i + 3];
        ulong t = (ulong)tags[i] + 1;
        ulong t1 = i >= 1 ? (ulong)tags[i - 1] + 1 : 0;
        ulong t2 = i >= 2 ? (ulong)tags[i - 2] + 1 : 0;
        ulong n1t = i + 1 < tags.Length ? (ulong)tags[i + 1] + 1 : 0;
        ulong n2t = i + 2 < tags.Length ? (ulong)tags[i + 2] + 1 : 0;
        int k = 0;
        f[k++] = FeatureHash.Key(101, t);
        f[k++] = FeatureHash.Key(102, t, w.Lower);
        f[k++] = FeatureHash.Key(103, t, w.S2);
        f[k++] = FeatureHash.Key(104, t, w.S3);
        f[k++] = FeatureHash.Key(105, t, t1);
        f[k++] = FeatureHash.Key(106, t, t1, t2);
        f[k++] = FeatureHash.Key(107, t, n1t);
        f[k++] = FeatureHash.Key(108, t, n1t, n2t);
        f[k++] = FeatureHash.Key(109, t, p1.Lower);
        f[k++] = FeatureHash.Key(110, t, p2.Lower);
        f[k++] = FeatureHash.Key(111, t, n1.Lower);
        f[k++] = FeatureHash.Key(112, t, subjectCue);
        f[k++] = FeatureHash.Key(113, t, auxCue);
        f[k++] = FeatureHash.Key(114, t, auxCue, p1.Lower);
        f[k++] = FeatureHash.Key(115, t, i == 0 ? 1UL : 2UL);
        f[k++] = FeatureHash.Key(116, t, w.Form);
        f[k++] = FeatureHash.Key(117, t, t1, p1.Lower);
        f[k++] = FeatureHash.Key(118, t, subjectCue, w.Lower);
        f[k++] = FeatureHash.Key(119, t, w.Flags);
        return k;
    }
}
