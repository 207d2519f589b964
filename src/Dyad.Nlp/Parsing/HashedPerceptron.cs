using System.IO.Compression;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Nlp.Parsing;

/// <summary>
/// Multi-class linear model over hashed features: row r of the table holds one weight per class, so scoring a
/// feature is one contiguous read. Training keeps lazily averaged weights (Collins 2002; Daumé's trick) so the
/// saved model is the averaged perceptron.
/// </summary>
internal sealed class HashedPerceptron
{
    // Float weights; a loaded model holds its saved half-precision values widened (identical scores).
    private float[] _weights;
    // Training-only state for averaging; null for a loaded model.
    private double[]? _totals;
    private int[]? _stamps;
    private int _time;

    public HashedPerceptron(int bits, int classes)
    {
        if (bits is < 4 or > 26) throw new ArgumentOutOfRangeException(nameof(bits));
        Bits = bits;
        Classes = classes;
        Stride = classes <= 4 ? classes : (classes + 7) & ~7;
        _weights = new float[(long)Stride << bits];
    }

    private HashedPerceptron(int bits, int classes, float[] weights)
    {
        Bits = bits;
        Classes = classes;
        Stride = classes <= 4 ? classes : (classes + 7) & ~7;
        _weights = weights;
    }

    public int Bits { get; }
    public int Classes { get; }
    /// <summary>Row width: classes rounded up so rows are vector-aligned.</summary>
    public int Stride { get; }

    /// <summary>Adds the rows of the active features into <paramref name="scores"/> (length >= Stride).</summary>
    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        scores[..Stride].Clear();
        Add(rows, scores);
    }

    /// <summary>Adds the rows of the active features to the partial sums already in <paramref name="scores"/>, in
    /// order: summing a prefix of the rows first and the rest later gives exactly the sum of all of them.</summary>
    public unsafe void Add(ReadOnlySpan<int> rows, Span<float> scores)
    {
        var w = _weights;
        int stride = Stride;
        Prefetch(rows);
        if (stride == 4)
        {
            float a = scores[0], b = scores[1], c = scores[2], d = scores[3];
            foreach (int r in rows)
            {
                int o = r << 2;
                a += w[o]; b += w[o + 1]; c += w[o + 2]; d += w[o + 3];
            }
            scores[0] = a; scores[1] = b; scores[2] = c; scores[3] = d;
            return;
        }
        int width = Vector<float>.Count;
        foreach (int r in rows)
        {
            var row = w.AsSpan(r * stride, stride);
            int i = 0;
            for (; i + width <= stride; i += width)
                (new Vector<float>(scores[i..]) + new Vector<float>(row[i..])).CopyTo(scores[i..]);
            for (; i < stride; i++) scores[i] += row[i];
        }
    }

    /// <summary>
    /// Requests every cache line of the rows, so that their misses overlap instead of queueing one after another;
    /// <see cref="Add"/> does it for its own rows, and a caller that knows the next rows early can ask sooner.
    /// </summary>
    public unsafe void Prefetch(ReadOnlySpan<int> rows)
    {
        if (!Sse.IsSupported) return;
        int stride = Stride;
        fixed (float* table = _weights)
        {
            if (stride <= 4)
            {
                // A move row (four floats) rarely straddles two lines: one request each.
                foreach (int r in rows) Sse.Prefetch0(table + (long)r * stride);
                return;
            }
            // A label row spans several lines (about 50 relations): each is a separate miss unless requested.
            foreach (int r in rows)
            {
                float* row = table + (long)r * stride;
                for (int i = 0; i < stride; i += 16) Sse.Prefetch0(row + i);
                Sse.Prefetch0(row + stride - 1);
            }
        }
    }

    public void BeginTraining()
    {
        _totals = new double[_weights.Length];
        _stamps = new int[_weights.Length];
        _time = 0;
    }

    /// <summary>Counts one training decision (the averaging clock).</summary>
    public void Tick() => _time++;

    public void Update(ReadOnlySpan<int> rows, int truth, int guess)
    {
        foreach (int r in rows)
        {
            AddToWeight(r * Stride + truth, 1f);
            AddToWeight(r * Stride + guess, -1f);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to one class's weight for every active feature.</summary>
    public void Update(ReadOnlySpan<int> rows, int cls, float delta)
    {
        foreach (int r in rows) AddToWeight(r * Stride + cls, delta);
    }

    private void AddToWeight(int i, float delta)
    {
        _totals![i] += (double)(_time - _stamps![i]) * _weights[i];
        _stamps[i] = _time;
        _weights[i] += delta;
    }

    /// <summary>The averaged weights as a model for prediction; training can continue on this instance.</summary>
    public HashedPerceptron Averaged()
    {
        var avg = new float[_weights.Length];
        double t = Math.Max(1, _time);
        for (int i = 0; i < avg.Length; i++)
        {
            double total = _totals![i] + (double)(_time - _stamps![i]) * _weights[i];
            avg[i] = (float)(total / t);
        }
        return new HashedPerceptron(Bits, Classes, avg);
    }

    /// <summary>
    /// The element-wise mean of models with the same shape. Scores are linear in the weights, so the mean model scores
    /// every move exactly as the mean of the members' scores: an ensemble that costs no more to run than one model.
    /// </summary>
    public static HashedPerceptron Mean(IReadOnlyList<HashedPerceptron> models)
    {
        if (models.Count == 0) throw new ArgumentException("no models to average");
        var first = models[0];
        var sum = new float[first._weights.Length];
        foreach (var m in models)
        {
            if (m.Bits != first.Bits || m.Classes != first.Classes) throw new ArgumentException("models to average must have the same shape");
            TensorPrimitives.Add(sum, m._weights, sum);
        }
        TensorPrimitives.Multiply(sum, 1f / models.Count, sum);
        return new HashedPerceptron(first.Bits, first.Classes, sum);
    }

    /// <summary>Writes the weights as half precision, compressed (zero rows dominate and compress away).</summary>
    public void Write(Stream stream)
    {
        using var bw = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        bw.Write(Bits);
        bw.Write(Classes);
        var raw = new byte[_weights.Length * 2];
        for (int i = 0; i < _weights.Length; i++)
            BitConverter.TryWriteBytes(raw.AsSpan(i * 2), (Half)_weights[i]);
        var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
        bw.Write(packed.Length);
        bw.Write(packed.GetBuffer(), 0, (int)packed.Length);
    }

    public static HashedPerceptron Read(Stream stream)
    {
        using var br = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        int bits = br.ReadInt32();
        int classes = br.ReadInt32();
        if (bits is < 4 or > 26 || classes is < 1 or > 1024) throw new InvalidDataException("corrupt parser weight table header");
        long packedLength = br.ReadInt64();
        var packed = br.ReadBytes(checked((int)packedLength));
        int stride = classes <= 4 ? classes : (classes + 7) & ~7;
        // Widened once here: converting half-precision rows while scoring took a sixth of the pipeline's time, more
        // than the extra memory traffic of float rows costs. The halves pass through a small buffer, chunk by chunk,
        // so the whole half-precision table is never held (nor its pages faulted in) beside the float one.
        var floats = HugePages.NewTable<float>(checked((int)((long)stride << bits)), zeroed: false);
        var chunk = new Half[1 << 15];
        using (var z = new ZLibStream(new MemoryStream(packed), CompressionMode.Decompress))
        {
            for (int done = 0; done < floats.Length; done += chunk.Length)
            {
                var halves = chunk.AsSpan(0, Math.Min(chunk.Length, floats.Length - done));
                z.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(halves));
                TensorPrimitives.ConvertToSingle(halves, floats.AsSpan(done, halves.Length));
            }
        }
        HugePages.Request(floats);
        return new HashedPerceptron(bits, classes, floats);
    }
}
