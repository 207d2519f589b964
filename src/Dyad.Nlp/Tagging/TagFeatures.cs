namespace Dyad.Nlp.Tagging;

/// <summary>
/// Feature templates of the tag model. Word properties come from <see cref="WordInfo"/>; tag history from the
/// tags already predicted to the left and, in the second pass, the first pass's tags to the right.
/// </summary>
internal static class TagFeatures
{
    public const int MaxFeatures = 64;

    /// <param name="words">Word infos padded with two boundary entries on each side: word i is at words[i + 2].</param>
    /// <param name="left">Tag ids predicted so far (index i - 1, i - 2 used); length = sentence length.</param>
    /// <param name="right">First-pass tag ids for the whole sentence, or empty in the first pass.</param>
    /// <param name="style">Sentence casing style from <see cref="SentenceStyle"/> (headline-like title case, all caps, normal).</param>
    public static int Extract(ReadOnlySpan<WordInfo> words, int i, ReadOnlySpan<int> left, ReadOnlySpan<int> right, ulong style, Span<ulong> f)
    {
        ref readonly var w = ref words[i + 2];
        ref readonly var p1 = ref words[i + 1];
        ref readonly var p2 = ref words[i];
        ref readonly var n1 = ref words[i + 3];
        ref readonly var n2 = ref words[i + 4];
        ulong t1 = i >= 1 ? (ulong)left[i - 1] + 1 : 0;
        ulong t2 = i >= 2 ? (ulong)left[i - 2] + 1 : 0;
        int k = 0;
        f[k++] = FeatureHash.Key(1, 1);
        f[k++] = FeatureHash.Key(2, w.Lower);
        f[k++] = FeatureHash.Key(3, w.Form);
        f[k++] = FeatureHash.Key(4, w.S1);
        f[k++] = FeatureHash.Key(5, w.S2);
        f[k++] = FeatureHash.Key(6, w.S3);
        f[k++] = FeatureHash.Key(7, w.S4);
        f[k++] = FeatureHash.Key(8, w.P1);
        f[k++] = FeatureHash.Key(9, w.P2);
        f[k++] = FeatureHash.Key(10, w.P3);
        f[k++] = FeatureHash.Key(11, w.Shape);
        f[k++] = FeatureHash.Key(12, w.Flags, i == 0 ? 1UL : 2UL);
        f[k++] = FeatureHash.Key(13, p1.Lower);
        f[k++] = FeatureHash.Key(14, p2.Lower);
        f[k++] = FeatureHash.Key(15, n1.Lower);
        f[k++] = FeatureHash.Key(16, n2.Lower);
        f[k++] = FeatureHash.Key(17, p1.S3);
        f[k++] = FeatureHash.Key(18, n1.S3);
        f[k++] = FeatureHash.Key(19, t1);
        f[k++] = FeatureHash.Key(20, t2);
        f[k++] = FeatureHash.Key(21, t1, t2);
        f[k++] = FeatureHash.Key(22, t1, w.Lower);
        f[k++] = FeatureHash.Key(23, p1.Lower, w.Lower);
        f[k++] = FeatureHash.Key(24, w.Lower, n1.Lower);
        f[k++] = FeatureHash.Key(25, w.Ambiguity);
        f[k++] = FeatureHash.Key(26, n1.Ambiguity);
        f[k++] = FeatureHash.Key(27, n2.Ambiguity);
        f[k++] = FeatureHash.Key(28, t1, w.Ambiguity);
        f[k++] = FeatureHash.Key(29, w.Ambiguity, n1.Ambiguity);
        f[k++] = FeatureHash.Key(30, n1.Flags);
        f[k++] = FeatureHash.Key(31, p1.Flags);
        f[k++] = FeatureHash.Key(32, w.Lexicon);
        f[k++] = FeatureHash.Key(33, n1.Lexicon);
        f[k++] = FeatureHash.Key(34, t1, w.S3);
        f[k++] = FeatureHash.Key(35, w.Lexicon, w.S2);
        f[k++] = FeatureHash.Key(36, w.Shape, n1.Shape);
        f[k++] = FeatureHash.Key(37, t1, n1.Lower);
        f[k++] = FeatureHash.Key(38, w.Ambiguity, w.Flags);
        f[k++] = FeatureHash.Key(50, style, w.Flags);
        f[k++] = FeatureHash.Key(51, style, w.Ambiguity);
        f[k++] = FeatureHash.Key(52, p1.Flags, w.Flags, n1.Flags);
        f[k++] = FeatureHash.Key(53, w.Capitalisation, w.Flags, style);
        f[k++] = FeatureHash.Key(54, w.Lexicon, w.Flags);
        if (!right.IsEmpty)
        {
            ulong r1 = i + 1 < right.Length ? (ulong)right[i + 1] + 1 : 0;
            ulong r2 = i + 2 < right.Length ? (ulong)right[i + 2] + 1 : 0;
            ulong r0 = (ulong)right[i] + 1;
            f[k++] = FeatureHash.Key(40, r1);
            f[k++] = FeatureHash.Key(41, r2);
            f[k++] = FeatureHash.Key(42, r1, r2);
            f[k++] = FeatureHash.Key(43, t1, r1);
            f[k++] = FeatureHash.Key(44, r1, w.Lower);
            f[k++] = FeatureHash.Key(45, r0);
            f[k++] = FeatureHash.Key(46, r1, w.Ambiguity);
            f[k++] = FeatureHash.Key(47, r1, w.S3);
            f[k++] = FeatureHash.Key(48, w.Lower, r1, r2);
            f[k++] = FeatureHash.Key(49, t1, w.Lower, r1);
        }
        return k;
    }

    /// <summary>
    /// Casing style of a sentence: titles and headlines capitalise most words, which makes capitalisation a weak
    /// cue for proper nouns there. Words of three letters or fewer are ignored (function words in titles vary).
    /// </summary>
    public static ulong SentenceStyle(ReadOnlySpan<string> words)
    {
        int long_ = 0, capitalised = 0, allCaps = 0;
        for (int i = 1; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length <= 3 || !char.IsLetter(w[0])) continue;
            long_++;
            if (char.IsUpper(w[0])) capitalised++;
            if (char.IsUpper(w[^1]) && char.IsUpper(w[1])) allCaps++;
        }
        if (long_ == 0) return 1;
        if (allCaps * 2 > long_) return 2;
        double share = (double)capitalised / long_;
        return share >= 0.75 ? 3UL : share >= 0.4 ? 4UL : 5UL;
    }
}
