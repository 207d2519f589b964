namespace Dyad.Nlp.Features;

/// <summary>Settings for <see cref="WordClusterTrainer"/>.</summary>
public sealed record WordClusterOptions
{
    /// <summary>Words seen fewer times get no cluster (too little context to place them).</summary>
    public int MinCount { get; init; } = 3;
    /// <summary>The most frequent words serve as context features (left and right neighbour).</summary>
    public int ContextWords { get; init; } = 1000;
    /// <summary>Depth of the binary tree (path length); 2^depth leaves at most.</summary>
    public int MaxDepth { get; init; } = 14;
    /// <summary>A node with fewer words is a leaf.</summary>
    public int MinSplit { get; init; } = 4;
}

/// <summary>
/// Builds <see cref="WordClusters"/> from plain tokenized text by divisive clustering of context vectors, a cheap
/// stand-in for Brown clustering that yields the same kind of bit-string paths. Each word (lower-cased, seen at least
/// MinCount times) is a sparse vector of positive pointwise mutual information with its left and right neighbours
/// among the ContextWords most frequent words; vectors are unit length. The tree is built top-down: a node's words are
/// split in two along the principal direction of their vectors (power iteration), the split is refined by a few
/// rounds of two-means on cosine similarity, and each half recurses with the path extended by 0 or 1.
/// Single-threaded and free of randomness, so the same text gives the same clusters.
/// </summary>
public static class WordClusterTrainer
{
    private const int PowerIterations = 8;
    private const int RefineIterations = 3;

    public static WordClusters Train(IEnumerable<IReadOnlyList<string>> sentences, WordClusterOptions? options = null, TextWriter? log = null)
    {
        options ??= new WordClusterOptions();
        var corpus = new List<int[]>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var words = new List<string>();
        foreach (var sentence in sentences)
        {
            var row = new int[sentence.Count];
            for (int i = 0; i < row.Length; i++)
            {
                string word = sentence[i].ToLowerInvariant();
                if (!ids.TryGetValue(word, out int id))
                {
                    id = words.Count;
                    ids.Add(word, id);
                    words.Add(word);
                    counts.Add(0);
                }
                counts[id]++;
                row[i] = id;
            }
            corpus.Add(row);
        }

        // Rank words by frequency (ties by ordinal order) so vocabulary and context indices do not depend on input order.
        var ranked = Enumerable.Range(0, words.Count).ToArray();
        Array.Sort(ranked, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : string.CompareOrdinal(words[a], words[b]));
        var vocabIndex = new int[words.Count];
        var contextIndex = new int[words.Count];
        Array.Fill(vocabIndex, -1);
        Array.Fill(contextIndex, -1);
        int vocabSize = 0;
        for (int r = 0; r < ranked.Length; r++)
        {
            if (counts[ranked[r]] >= options.MinCount) vocabIndex[ranked[r]] = vocabSize++;
            if (r < options.ContextWords) contextIndex[ranked[r]] = r;
        }
        int boundary = options.ContextWords;           // sentence start/end as a context word
        int side = options.ContextWords + 1;            // right-neighbour features follow the left-neighbour ones
        int dims = 2 * side;

        var vectors = ContextVectors(corpus, vocabIndex, contextIndex, vocabSize, boundary, side, dims);
        log?.WriteLine($"{corpus.Count:N0} sentences, {counts.Sum():N0} tokens, {vocabSize:N0} words to cluster, {dims:N0} context features");

        var paths = new string[vocabSize];
        var splitter = new Splitter(vectors, dims);
        var pending = new Stack<(int[] Members, string Path)>();
        pending.Push((Enumerable.Range(0, vocabSize).ToArray(), ""));
        int leaves = 0;
        while (pending.Count > 0)
        {
            var (members, path) = pending.Pop();
            if (path.Length < options.MaxDepth && members.Length >= options.MinSplit && splitter.Split(members, out var left, out var right))
            {
                pending.Push((right, path + "1"));
                pending.Push((left, path + "0"));
                continue;
            }
            leaves++;
            foreach (int m in members) paths[m] = path.Length == 0 ? "0" : path;
        }
        var result = new Dictionary<string, string>(vocabSize, StringComparer.Ordinal);
        for (int w = 0; w < words.Count; w++)
            if (vocabIndex[w] >= 0) result[words[w]] = paths[vocabIndex[w]];
        log?.WriteLine($"{leaves:N0} leaf clusters");
        return new WordClusters(result);
    }

    /// <summary>Unit-length PPMI vectors of left/right neighbours; context probabilities smoothed with exponent 0.75.</summary>
    private static SparseVector[] ContextVectors(List<int[]> corpus, int[] vocabIndex, int[] contextIndex, int vocabSize, int boundary, int side, int dims)
    {
        var pairs = new Dictionary<long, int>();
        var featureCounts = new double[dims];
        foreach (var row in corpus)
            for (int i = 0; i < row.Length; i++)
            {
                int v = vocabIndex[row[i]];
                if (v < 0) continue;
                int leftFeature = i > 0 ? contextIndex[row[i - 1]] : boundary;
                int rightFeature = i + 1 < row.Length ? contextIndex[row[i + 1]] : boundary;
                if (leftFeature >= 0) Count(pairs, featureCounts, v, leftFeature, dims);
                if (rightFeature >= 0) Count(pairs, featureCounts, v, side + rightFeature, dims);
            }
        double smoothedTotal = 0;
        var smoothed = new double[dims];
        for (int f = 0; f < dims; f++) smoothedTotal += smoothed[f] = Math.Pow(featureCounts[f], 0.75);
        var wordTotals = new double[vocabSize];
        foreach (var (key, count) in pairs) wordTotals[key / dims] += count;

        var entries = new List<(int Feature, float Value)>[vocabSize];
        for (int v = 0; v < vocabSize; v++) entries[v] = [];
        foreach (var (key, count) in pairs)
        {
            int v = (int)(key / dims), f = (int)(key % dims);
            double pmi = Math.Log(count / wordTotals[v] / (smoothed[f] / smoothedTotal));
            if (pmi > 0) entries[v].Add((f, (float)pmi));
        }
        var vectors = new SparseVector[vocabSize];
        for (int v = 0; v < vocabSize; v++)
        {
            var list = entries[v];
            list.Sort((a, b) => a.Feature.CompareTo(b.Feature));
            double norm = 0;
            foreach (var (_, value) in list) norm += value * value;
            float scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
            var indices = new int[list.Count];
            var values = new float[list.Count];
            for (int k = 0; k < list.Count; k++) { indices[k] = list[k].Feature; values[k] = list[k].Value * scale; }
            vectors[v] = new SparseVector(indices, values);
        }
        return vectors;
    }

    private static void Count(Dictionary<long, int> pairs, double[] featureCounts, int word, int feature, int dims)
    {
        long key = (long)word * dims + feature;
        pairs[key] = pairs.GetValueOrDefault(key) + 1;
        featureCounts[feature]++;
    }

    private sealed record SparseVector(int[] Indices, float[] Values)
    {
        public double Dot(double[] dense)
        {
            double sum = 0;
            for (int k = 0; k < Indices.Length; k++) sum += Values[k] * dense[Indices[k]];
            return sum;
        }

        public void AddTo(double[] dense, double scale)
        {
            for (int k = 0; k < Indices.Length; k++) dense[Indices[k]] += scale * Values[k];
        }
    }

    /// <summary>Splits one node's words in two; reuses dense buffers across nodes.</summary>
    private sealed class Splitter(SparseVector[] vectors, int dims)
    {
        private readonly double[] _mean = new double[dims], _direction = new double[dims], _next = new double[dims];
        private readonly double[] _centroid0 = new double[dims], _centroid1 = new double[dims];

        public bool Split(int[] members, out int[] left, out int[] right)
        {
            left = right = [];
            Array.Clear(_mean);
            foreach (int m in members) vectors[m].AddTo(_mean, 1.0 / members.Length);

            // Principal direction of the centred vectors, started from the node's most frequent word (members are in
            // frequency order) so the result is deterministic.
            Array.Copy(_mean, _direction, dims);
            Scale(_direction, -1);
            vectors[members[0]].AddTo(_direction, 1);
            if (Normalize(_direction) == 0) return false;
            for (int iteration = 0; iteration < PowerIterations; iteration++)
            {
                Array.Clear(_next);
                double meanDot = Dot(_mean, _direction), total = 0;
                foreach (int m in members)
                {
                    double s = vectors[m].Dot(_direction) - meanDot;
                    vectors[m].AddTo(_next, s);
                    total += s;
                }
                for (int d = 0; d < dims; d++) _next[d] -= total * _mean[d];
                if (Normalize(_next) == 0) break;
                Array.Copy(_next, _direction, dims);
            }
            var side = new bool[members.Length];
            double offset = Dot(_mean, _direction);
            for (int k = 0; k < members.Length; k++) side[k] = vectors[members[k]].Dot(_direction) > offset;

            // Two-means on cosine similarity from that split.
            for (int iteration = 0; iteration < RefineIterations; iteration++)
            {
                Array.Clear(_centroid0);
                Array.Clear(_centroid1);
                for (int k = 0; k < members.Length; k++) vectors[members[k]].AddTo(side[k] ? _centroid1 : _centroid0, 1);
                if (Normalize(_centroid0) == 0 || Normalize(_centroid1) == 0) break;
                bool changed = false;
                for (int k = 0; k < members.Length; k++)
                {
                    bool one = vectors[members[k]].Dot(_centroid1) > vectors[members[k]].Dot(_centroid0);
                    changed |= one != side[k];
                    side[k] = one;
                }
                if (!changed) break;
            }
            int ones = 0;
            foreach (bool s in side) if (s) ones++;
            if (ones == 0 || ones == members.Length) return false;
            left = new int[members.Length - ones];
            right = new int[ones];
            int l = 0, r = 0;
            for (int k = 0; k < members.Length; k++)
                if (side[k]) right[r++] = members[k]; else left[l++] = members[k];
            return true;
        }

        private static double Dot(double[] a, double[] b)
        {
            double sum = 0;
            for (int d = 0; d < a.Length; d++) sum += a[d] * b[d];
            return sum;
        }

        private static void Scale(double[] a, double factor)
        {
            for (int d = 0; d < a.Length; d++) a[d] *= factor;
        }

        private static double Normalize(double[] a)
        {
            double norm = Math.Sqrt(Dot(a, a));
            if (norm > 1e-12) Scale(a, 1 / norm);
            return norm > 1e-12 ? norm : 0;
        }
    }
}
