using System.Runtime.Intrinsics.X86;

namespace Dyad.Nlp.Ner;

/// <summary>
/// Linear scores for BILOU labels: a weight row per hashed feature (one weight per label), looked up by key.
/// Decoding is first-order Viterbi constrained to valid BILOU sequences. Training support (averaged perceptron
/// updates) lives here too because it needs the same row layout.
/// </summary>
internal sealed class SequenceModel
{
    public static readonly int L = EntityLabels.Count;

    private readonly Dictionary<ulong, int> _rows;
    // Read-only copy of _rows for decoding a finished model: Viterbi looks up two pair rows per label and token,
    // and a flat probe table costs one cache miss per lookup where Dictionary costs two.
    private RowIndex? _index;
    private float[] _weights;
    // Averaging (Daume's trick): _accumulated holds sum of step * update, average = w - accumulated / step.
    private float[]? _accumulated;
    private long _step = 1;

    public SequenceModel(int capacity = 1024) : this(capacity, new float[capacity * L]) { }

    private SequenceModel(int capacity, float[] weights)
    {
        _rows = new Dictionary<ulong, int>(capacity);
        _weights = weights;
    }

    public int RowCount => _rows.Count;

    /// <summary>
    /// Subtracted from every O score at decoding: perceptron taggers under-predict rare labels, so trading a little
    /// precision for recall raises F1. Chosen on development data after training.
    /// </summary>
    public float OutsidePenalty { get; set; }

    public void BeginTraining() => _accumulated = new float[_weights.Length];

    public void NextStep() => _step++;

    private int Row(ulong key, bool create)
    {
        if (_rows.TryGetValue(key, out int row)) return row;
        if (!create) return -1;
        row = _rows.Count;
        _rows[key] = row;
        _index = null; // a new row: the read-only index no longer covers every key
        if ((row + 1) * L > _weights.Length)
        {
            Array.Resize(ref _weights, _weights.Length * 2);
            if (_accumulated != null) Array.Resize(ref _accumulated, _weights.Length);
        }
        return row;
    }

    public void Update(ulong key, int label, float delta)
    {
        int index = Row(key, create: true) * L + label;
        _weights[index] += delta;
        _accumulated![index] += _step * delta;
    }

    private void AddRow(ulong key, Span<float> scores) => AddRow(FindRow(key), scores);

    private int FindRow(ulong key) => _index is { } index ? index.Find(key) : _rows.GetValueOrDefault(key, -1);

    private void AddRow(int row, Span<float> scores)
    {
        if (row < 0) return;
        var weights = _weights.AsSpan(row * L, L);
        for (int y = 0; y < scores.Length; y++) scores[y] += weights[y];
    }

    /// <summary>
    /// The rows of <paramref name="keys"/> (-1 where absent), looked up as a batch: every probe and then every row is
    /// requested before any is read, so their cache misses overlap instead of queueing one after another. Adding
    /// the rows afterwards in key order gives exactly the sums of adding them one by one.
    /// </summary>
    private void FindRows(ReadOnlySpan<ulong> keys, Span<int> rows)
    {
        if (_index is not { } index)
        {
            for (int k = 0; k < keys.Length; k++) rows[k] = _rows.GetValueOrDefault(keys[k], -1);
            return;
        }
        foreach (var key in keys) index.Prefetch(key);
        for (int k = 0; k < keys.Length; k++)
        {
            rows[k] = index.Find(keys[k]);
            if (rows[k] >= 0) PrefetchRow(rows[k]);
        }
    }

    private unsafe void PrefetchRow(int row)
    {
        if (!Sse.IsSupported) return;
        fixed (float* w = _weights)
        {
            // A row of L floats may straddle two cache lines.
            Sse.Prefetch0(w + (long)row * L);
            Sse.Prefetch0(w + (long)row * L + L - 1);
        }
    }

    /// <summary>Best valid label sequence for the features, written to <paramref name="labels"/>.</summary>
    public void Decode(NerFeatures features, Span<int> labels)
    {
        int n = features.Length;
        if (n == 0) return;
        int l = L;
        var emission = new float[n * l];
        Span<int> rows = stackalloc int[Math.Max(NerFeatures.MaxPerToken, 2 * l)];
        for (int i = 0; i < n; i++)
        {
            var scores = emission.AsSpan(i * l, l);
            var keys = features.Static(i);
            FindRows(keys, rows);
            for (int k = 0; k < keys.Length; k++) AddRow(rows[k], scores);
            scores[EntityLabels.O] -= OutsidePenalty;
        }

        var best = new float[n * l];
        var back = new int[n * l];
        // Transition rows do not depend on the token: look them up once per sentence.
        var transitions = new float[(l + 1) * l];
        for (int p = -1; p < l; p++) AddRow(NerFeatures.TransitionKey(p), transitions.AsSpan((p + 1) * l, l));
        Span<float> pair = stackalloc float[l];
        Span<ulong> pairKeys = stackalloc ulong[2 * l];
        for (int i = 0; i < n; i++)
        {
            bool blocked = features.Blocked(i);
            for (int y = 0; y < l; y++) best[i * l + y] = float.NegativeInfinity;
            int previousCount = i == 0 ? 1 : l;
            // The pair rows of every previous label, word pair and shape pair alternating, found as one batch.
            for (int p = 0; p < previousCount; p++)
            {
                int previous = i == 0 ? -1 : p;
                pairKeys[2 * p] = NerFeatures.PairKey(false, previous, features.PairWord(i));
                pairKeys[2 * p + 1] = NerFeatures.PairKey(true, previous, features.PairShape(i));
            }
            FindRows(pairKeys[..(2 * previousCount)], rows);
            for (int p = 0; p < previousCount; p++)
            {
                int previous = i == 0 ? -1 : p;
                float before = i == 0 ? 0 : best[(i - 1) * l + p];
                if (float.IsNegativeInfinity(before)) continue;
                transitions.AsSpan((previous + 1) * l, l).CopyTo(pair);
                AddRow(rows[2 * p], pair);
                AddRow(rows[2 * p + 1], pair);
                for (int y = 0; y < l; y++)
                {
                    if (!EntityLabels.CanFollow(previous, y) || blocked && y != EntityLabels.O) continue;
                    if (i == n - 1 && !EntityLabels.CanEnd(y)) continue;
                    float score = before + pair[y] + emission[i * l + y];
                    if (score > best[i * l + y]) { best[i * l + y] = score; back[i * l + y] = previous; }
                }
            }
        }
        int label = 0;
        float top = float.NegativeInfinity;
        for (int y = 0; y < l; y++)
            if (best[(n - 1) * l + y] > top) { top = best[(n - 1) * l + y]; label = y; }
        for (int i = n - 1; i >= 0; i--)
        {
            labels[i] = label;
            label = back[i * l + label];
        }
    }

    /// <summary>Perceptron update towards <paramref name="gold"/> and away from <paramref name="predicted"/>.</summary>
    public void Learn(NerFeatures features, ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        for (int i = 0; i < features.Length; i++)
        {
            int g = gold[i], p = predicted[i];
            int gPrev = i == 0 ? -1 : gold[i - 1], pPrev = i == 0 ? -1 : predicted[i - 1];
            if (g != p)
                foreach (var key in features.Static(i))
                {
                    Update(key, g, 1);
                    Update(key, p, -1);
                }
            if (g != p || gPrev != pPrev)
            {
                Update(NerFeatures.TransitionKey(gPrev), g, 1);
                Update(NerFeatures.TransitionKey(pPrev), p, -1);
                Update(NerFeatures.PairKey(false, gPrev, features.PairWord(i)), g, 1);
                Update(NerFeatures.PairKey(false, pPrev, features.PairWord(i)), p, -1);
                Update(NerFeatures.PairKey(true, gPrev, features.PairShape(i)), g, 1);
                Update(NerFeatures.PairKey(true, pPrev, features.PairShape(i)), p, -1);
            }
        }
    }

    /// <summary>A copy holding the averaged weights, rows whose weights all round to zero dropped.</summary>
    public SequenceModel Averaged(float threshold = 1e-3f)
    {
        var result = new SequenceModel(_rows.Count);
        Span<float> average = stackalloc float[L];
        foreach (var (key, row) in _rows)
        {
            bool keep = false;
            for (int y = 0; y < L; y++)
            {
                int index = row * L + y;
                average[y] = _weights[index] - (_accumulated == null ? 0 : _accumulated[index] / _step);
                if (Math.Abs(average[y]) >= threshold) keep = true;
            }
            if (!keep) continue;
            int newRow = result.Row(key, create: true);
            average.CopyTo(result._weights.AsSpan(newRow * L, L));
        }
        result._index = new RowIndex(result._rows);
        return result;
    }

    /// <summary>The mean of several models' weights (rows missing from a model count as zero): a cheap ensemble that steadies run-to-run noise.</summary>
    public static SequenceModel Mean(IReadOnlyList<SequenceModel> models)
    {
        var result = new SequenceModel(models[0].RowCount * 2);
        float share = 1f / models.Count;
        foreach (var model in models)
        {
            result.OutsidePenalty += model.OutsidePenalty * share;
            var keys = new ulong[model._rows.Count];
            model._rows.Keys.CopyTo(keys, 0);
            Array.Sort(keys); // row order, and so the saved file, must not depend on dictionary order
            foreach (var key in keys)
            {
                int from = model._rows[key] * L, to = result.Row(key, create: true) * L;
                for (int y = 0; y < L; y++) result._weights[to + y] += model._weights[from + y] * share;
            }
        }
        result._index = new RowIndex(result._rows);
        return result;
    }

    /// <summary>Rows sorted by key, weights as half floats: deterministic and half the size of float32.</summary>
    public void Write(BinaryWriter writer)
    {
        var keys = new ulong[_rows.Count];
        _rows.Keys.CopyTo(keys, 0);
        Array.Sort(keys);
        writer.Write(L);
        writer.Write(OutsidePenalty);
        writer.Write(keys.Length);
        foreach (var key in keys) writer.Write(key);
        foreach (var key in keys)
        {
            int row = _rows[key];
            for (int y = 0; y < L; y++) writer.Write((Half)_weights[row * L + y]);
        }
    }

    public static SequenceModel Read(BinaryReader reader)
    {
        int labels = reader.ReadInt32();
        if (labels != L) throw new InvalidDataException($"NER model has {labels} labels; this build expects {L}.");
        float penalty = reader.ReadSingle();
        int count = reader.ReadInt32();
        // Decoding reads rows at random: huge pages spare most TLB misses (HugePages). Every weight is read below.
        var model = new SequenceModel(count, HugePages.NewTable<float>(count * L, zeroed: false)) { OutsidePenalty = penalty };
        var keys = new ulong[count];
        for (int i = 0; i < count; i++) { keys[i] = reader.ReadUInt64(); model._rows[keys[i]] = i; }
        for (int i = 0; i < count * L; i++) model._weights[i] = (float)reader.ReadHalf();
        model._index = new RowIndex(model._rows);
        return model;
    }

    /// <summary>Open-addressing table from feature key to row (keys are already well mixed hashes).</summary>
    private sealed class RowIndex
    {
        private readonly Entry[] _entries;
        private readonly int _mask;

        private struct Entry
        {
            public ulong Key;
            public int Row; // row + 1; 0 marks an empty entry
        }

        public RowIndex(Dictionary<ulong, int> rows)
        {
            int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rows.Count * 2));
            _entries = HugePages.NewTable<Entry>(capacity, zeroed: true);
            _mask = capacity - 1;
            foreach (var (key, row) in rows)
            {
                int at = (int)key & _mask;
                while (_entries[at].Row != 0) at = (at + 1) & _mask;
                _entries[at] = new Entry { Key = key, Row = row + 1 };
            }
        }

        /// <summary>Asks the processor to bring the probe start of <paramref name="key"/> into the cache.</summary>
        public unsafe void Prefetch(ulong key)
        {
            if (!Sse.IsSupported) return;
            fixed (Entry* e = _entries) Sse.Prefetch0(e + ((int)key & _mask));
        }

        /// <summary>The row of <paramref name="key"/>, or -1.</summary>
        public int Find(ulong key)
        {
            var entries = _entries;
            int at = (int)key & _mask;
            while (true)
            {
                ref readonly var entry = ref entries[at];
                if (entry.Row == 0) return -1;
                if (entry.Key == key) return entry.Row - 1;
                at = (at + 1) & _mask;
            }
        }
    }
}
