namespace Dyad.Nlp.Tagging;

/// <summary>
/// Multi-class averaged perceptron (Collins 2002) used during training only. Rows (one per feature key) are
/// created on first update and stored densely over classes in fixed-size blocks. Averaging uses the
/// "w - u/c" trick so no per-weight timestamps are needed. <see cref="Finish"/> turns it into a compact
/// sparse <see cref="PerceptronModel"/>.
/// </summary>
internal sealed class AveragedPerceptron
{
    private const int BlockRows = 4096;
    private readonly int _classes;
    private readonly Dictionary<ulong, int> _rowOf = new();
    private readonly List<float[]> _weights = new();
    private readonly List<double[]> _updates = new();
    private long _step = 1;

    public AveragedPerceptron(int classes) => _classes = classes;

    public int Classes => _classes;
    public int Rows => _rowOf.Count;

    /// <summary>Advance the averaging clock; call once per training example.</summary>
    public void Tick() => _step++;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (!_rowOf.TryGetValue(f, out int row)) continue;
            var weights = _weights[row / BlockRows].AsSpan((row % BlockRows) * _classes, _classes);
            int c = 0;
            if (System.Numerics.Vector.IsHardwareAccelerated)
            {
                int width = System.Numerics.Vector<float>.Count;
                for (; c <= _classes - width; c += width)
                {
                    var sum = new System.Numerics.Vector<float>(scores[c..]) + new System.Numerics.Vector<float>(weights[c..]);
                    sum.CopyTo(scores[c..]);
                }
            }
            for (; c < _classes; c++) scores[c] += weights[c];
        }
    }

    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        if (gold == guess) return;
        foreach (var f in features)
        {
            int row = RowFor(f);
            int off = (row % BlockRows) * _classes;
            var w = _weights[row / BlockRows];
            var u = _updates[row / BlockRows];
            w[off + gold] += 1f; u[off + gold] += _step;
            w[off + guess] -= 1f; u[off + guess] -= _step;
        }
    }

    private int RowFor(ulong f)
    {
        if (_rowOf.TryGetValue(f, out int row)) return row;
        row = _rowOf.Count;
        if (row % BlockRows == 0)
        {
            _weights.Add(new float[BlockRows * _classes]);
            _updates.Add(new double[BlockRows * _classes]);
        }
        _rowOf.Add(f, row);
        return row;
    }

    /// <summary>Averages the weights and keeps only those with magnitude at least <paramref name="minWeight"/>.</summary>
    public PerceptronModel Finish(float minWeight)
    {
        var keys = new List<ulong>(_rowOf.Count);
        var starts = new List<int>(_rowOf.Count + 1);
        var classes = new List<ushort>();
        var values = new List<float>();
        // Sorted keys make the saved model independent of dictionary order.
        var ordered = _rowOf.OrderBy(kv => kv.Key);
        double c = _step;
        foreach (var (key, row) in ordered)
        {
            var w = _weights[row / BlockRows];
            var u = _updates[row / BlockRows];
            int off = (row % BlockRows) * _classes;
            int begin = classes.Count;
            for (int k = 0; k < _classes; k++)
            {
                // Rounded to half precision here, not only on save, so a loaded model scores exactly like the trained one.
                float avg = (float)(Half)(w[off + k] - u[off + k] / c);
                if (MathF.Abs(avg) < minWeight || avg == 0) continue;
                classes.Add((ushort)k);
                values.Add(avg);
            }
            if (classes.Count == begin) continue;
            keys.Add(key);
            starts.Add(begin);
        }
        starts.Add(classes.Count);
        return new PerceptronModel(_classes, keys.ToArray(), starts.ToArray(), classes.ToArray(), values.ToArray());
    }
}
