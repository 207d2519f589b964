namespace Dyad.Nlp.Ner;

/// <summary>
/// Turns a sentence's tokens into hashed feature keys for the sequence model: per token a fixed set of "static"
/// keys (word, shape, affixes, neighbours, gazetteer matches) and two per-token values that are combined with the
/// previous label at decoding time. Buffers are reused across sentences; one instance per thread.
/// </summary>
internal sealed class NerFeatures
{
    /// <summary>Upper bound on static features per token (the gazetteer adds at most a few).</summary>
    public const int MaxPerToken = 64;

    private enum T
    {
        Bias = 1, Lower, Form, Shape, ShortShape, Prefix2, Prefix3, Prefix4, Suffix2, Suffix3, Suffix4,
        PrevLower, NextLower, Prev2Lower, Next2Lower, PrevShort, NextShort, ShapeWindow, PrevBigram, NextBigram,
        Initial, UpperSentence, Length, Gazetteer, PrevGazetteer, NextGazetteer, PrevTitle, Prev2Title, CapsGazetteer,
        PrevLabelWord, PrevLabelShape, Handle, PrevForm, NextForm,
        Cluster,
    }

    private readonly Gazetteer _gazetteer;
    private readonly ClusterIndex? _clusters;
    private uint[] _clusterPaths = new uint[64];
    private ulong[] _keys = new ulong[64 * MaxPerToken];
    private int[] _counts = new int[64];
    private ulong[] _lower = new ulong[64], _form = new ulong[64], _short = new ulong[64];
    private UInt128[] _gazetteerBits = new UInt128[64];
    private bool[] _blocked = new bool[64];
    private readonly char[] _shape = new char[128];

    public NerFeatures(Gazetteer gazetteer, ClusterIndex? clusters = null)
    {
        _gazetteer = gazetteer;
        _clusters = clusters;
    }

    public int Length { get; private set; }

    public ReadOnlySpan<ulong> Static(int i) => new(_keys, i * MaxPerToken, _counts[i]);

    /// <summary>Keys combined with the previous label (word and shape of the current token).</summary>
    public ulong PairWord(int i) => _lower[i];
    public ulong PairShape(int i) => _short[i];

    /// <summary>Tokens that are never part of a name (handles, URLs, e-mail addresses).</summary>
    public bool Blocked(int i) => _blocked[i];

    public static ulong PairKey(bool shape, int previousLabel, ulong value) =>
        FeatureHash.Feature(shape ? (int)T.PrevLabelShape : (int)T.PrevLabelWord, value, (ulong)(previousLabel + 1));

    public static ulong TransitionKey(int previousLabel) => FeatureHash.Feature(0, (ulong)(previousLabel + 1));

    public void Compute(IReadOnlyList<string> tokens)
    {
        int n = tokens.Count;
        Length = n;
        if (_counts.Length < n)
        {
            int size = Math.Max(n, _counts.Length * 2);
            _keys = new ulong[size * MaxPerToken];
            _counts = new int[size];
            _lower = new ulong[size]; _form = new ulong[size]; _short = new ulong[size];
            _gazetteerBits = new UInt128[size];
            _blocked = new bool[size];
            _clusterPaths = new uint[size];
        }
        int letters = 0, upperLetters = 0;
        for (int i = 0; i < n; i++)
        {
            string token = tokens[i];
            _lower[i] = FeatureHash.OfLower(token);
            _form[i] = FeatureHash.Of(token);
            _short[i] = FeatureHash.Of(Shape(token, collapse: true));
            _blocked[i] = IsHandleOrAddress(token);
            _clusterPaths[i] = _clusters?.Find(_lower[i]) ?? 0;
            foreach (char c in token)
                if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upperLetters++; }
        }
        // Headlines and datelines in capitals: lets the model discount capitalization cues.
        bool upperSentence = letters >= 8 && upperLetters * 10 >= letters * 8;
        _gazetteer.Match(tokens, _gazetteerBits.AsSpan(0, n));

        const ulong Boundary = 0x5EED;
        for (int i = 0; i < n; i++)
        {
            int count = 0;
            var keys = _keys.AsSpan(i * MaxPerToken, MaxPerToken);
            string token = tokens[i];
            ulong prev = i > 0 ? _lower[i - 1] : Boundary, next = i + 1 < n ? _lower[i + 1] : Boundary;
            ulong prevShort = i > 0 ? _short[i - 1] : Boundary, nextShort = i + 1 < n ? _short[i + 1] : Boundary;
            ulong shape = FeatureHash.Of(Shape(token, collapse: false));

            keys[count++] = FeatureHash.Feature((int)T.Bias, 0);
            keys[count++] = FeatureHash.Feature((int)T.Lower, _lower[i]);
            keys[count++] = FeatureHash.Feature((int)T.Form, _form[i]);
            keys[count++] = FeatureHash.Feature((int)T.Shape, shape);
            keys[count++] = FeatureHash.Feature((int)T.ShortShape, _short[i]);
            for (int k = 2; k <= 4 && k < token.Length; k++)
            {
                keys[count++] = FeatureHash.Feature((int)T.Prefix2 + k - 2, FeatureHash.OfLower(token.AsSpan(0, k)));
                keys[count++] = FeatureHash.Feature((int)T.Suffix2 + k - 2, FeatureHash.OfLower(token.AsSpan(token.Length - k)));
            }
            keys[count++] = FeatureHash.Feature((int)T.PrevLower, prev);
            keys[count++] = FeatureHash.Feature((int)T.NextLower, next);
            keys[count++] = FeatureHash.Feature((int)T.PrevForm, i > 0 ? _form[i - 1] : Boundary);
            keys[count++] = FeatureHash.Feature((int)T.NextForm, i + 1 < n ? _form[i + 1] : Boundary);
            keys[count++] = FeatureHash.Feature((int)T.Prev2Lower, i > 1 ? _lower[i - 2] : Boundary);
            keys[count++] = FeatureHash.Feature((int)T.Next2Lower, i + 2 < n ? _lower[i + 2] : Boundary);
            keys[count++] = FeatureHash.Feature((int)T.PrevShort, prevShort);
            keys[count++] = FeatureHash.Feature((int)T.NextShort, nextShort);
            keys[count++] = FeatureHash.Feature((int)T.ShapeWindow, prevShort * 31 + _short[i], nextShort);
            keys[count++] = FeatureHash.Feature((int)T.PrevBigram, prev, _lower[i]);
            keys[count++] = FeatureHash.Feature((int)T.NextBigram, _lower[i], next);
            if (i == 0) keys[count++] = FeatureHash.Feature((int)T.Initial, _short[i]);
            if (upperSentence) keys[count++] = FeatureHash.Feature((int)T.UpperSentence, _short[i]);
            keys[count++] = FeatureHash.Feature((int)T.Length, (ulong)Math.Min(token.Length, 12));
            if (_blocked[i]) keys[count++] = FeatureHash.Feature((int)T.Handle, 0);
            if (_clusters != null) count = AddClusters(keys, count, i);

            UInt128 bits = _gazetteerBits[i];
            ulong capsFlag = upperSentence || i == 0 ? 1UL : 0UL;
            for (int b = 0; bits != UInt128.Zero && count < MaxPerToken - 8; b++, bits >>= 1)
                if ((bits & UInt128.One) != UInt128.Zero)
                {
                    keys[count++] = FeatureHash.Feature((int)T.Gazetteer, (ulong)b);
                    keys[count++] = FeatureHash.Feature((int)T.CapsGazetteer, (ulong)b, capsFlag);
                }
            if (i > 0) count = AddTypes(keys, count, T.PrevGazetteer, _gazetteerBits[i - 1]);
            if (i + 1 < n) count = AddTypes(keys, count, T.NextGazetteer, _gazetteerBits[i + 1]);
            const int TitleBit = (int)GazetteerType.Title * 4 + 3;
            if (i > 0 && (_gazetteerBits[i - 1] >> TitleBit & UInt128.One) != UInt128.Zero) keys[count++] = FeatureHash.Feature((int)T.PrevTitle, _short[i]);
            if (i > 1 && (_gazetteerBits[i - 2] >> TitleBit & UInt128.One) != UInt128.Zero) keys[count++] = FeatureHash.Feature((int)T.Prev2Title, _short[i]);
            _counts[i] = count;
        }
    }

    /// <summary>
    /// Coarse cluster-path prefixes of the token (4, 8 and 12 bits): the word's own identity is already a feature, so
    /// the clusters only add what the word shares with others. Unknown words add nothing.
    /// </summary>
    private int AddClusters(Span<ulong> keys, int count, int i)
    {
        uint path = _clusterPaths[i];
        if (path == 0) return count;
        foreach (int length in (ReadOnlySpan<int>)[4, 8, 12])
            keys[count++] = FeatureHash.Feature((int)T.Cluster, ClusterIndex.Prefix(path, length));
        return count;
    }

    /// <summary>Adds one key per gazetteer type present on a neighbouring token (position ignored), room permitting.</summary>
    private static int AddTypes(Span<ulong> keys, int count, T template, UInt128 bits)
    {
        for (int type = 0; bits != UInt128.Zero && count < MaxPerToken - 4; type++, bits >>= 4)
            if ((bits & 0xF) != UInt128.Zero) keys[count++] = FeatureHash.Feature((int)template, (ulong)type);
        return count;
    }

    /// <summary>Word shape: X for upper, x for lower, d for digits, other characters kept; runs capped at 4 or collapsed.</summary>
    private ReadOnlySpan<char> Shape(string token, bool collapse)
    {
        int n = 0, run = 0;
        char last = '\0';
        foreach (char c in token)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (collapse ? run > 1 : run > 4) continue;
            if (n == _shape.Length) break;
            _shape[n++] = s;
        }
        return _shape.AsSpan(0, n);
    }

    private static bool IsHandleOrAddress(string token) =>
        token.Length > 1 && (token[0] == '@' || token[0] == '#' && char.IsLetter(token[1]))
        || token.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || token.IndexOf('@') > 0 && token.IndexOf('.') > token.IndexOf('@');
}
