using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// Trained, averaged perceptron weights in sparse form: for each feature key, the classes it votes for and by how much.
/// Immutable and safe to share between threads.
/// </summary>
internal sealed class PerceptronModel
{
    private readonly int _classes;
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly Weight[] _weights;

    // Open-addressing table of feature key -> weight range. Hand-written because Dictionary keeps buckets and
    // entries in separate arrays (two cache misses per lookup) and cannot be prefetched; lookups dominate tagging time.
    private readonly Slot[] _slots;
    private readonly int _mask;

    private struct Slot
    {
        public ulong Key;
        public int Start;
        public int End; // 0 marks an empty slot (every stored row has at least one weight)
    }

    private struct Weight
    {
        public float Value;
        public int Class;
    }

    public PerceptronModel(int classes, ulong[] keys, int[] starts, ushort[] classIds, float[] values)
    {
        _classes = classes;
        _keys = keys;
        _starts = starts;
        // Both tables are read at random while tagging: huge pages spare most TLB misses (HugePages).
        _weights = HugePages.NewTable<Weight>(values.Length, zeroed: false);
        for (int i = 0; i < values.Length; i++) _weights[i] = new Weight { Value = values[i], Class = classIds[i] };
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length + keys.Length / 2));
        _slots = HugePages.NewTable<Slot>(capacity, zeroed: true);
        _mask = capacity - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            int at = (int)keys[i] & _mask;
            while (_slots[at].End != 0) at = (at + 1) & _mask;
            _slots[at] = new Slot { Key = keys[i], Start = starts[i], End = starts[i + 1] };
        }
    }

    public int Classes => _classes;
    public int Features => _keys.Length;
    public int Weights => _weights.Length;

    /// <summary>
    /// Requests the table slots of <paramref name="features"/> without reading them: a tagger that knows the next
    /// token's features while it scores this one asks early, so their cache misses overlap with this token's work.
    /// </summary>
    public unsafe void Prefetch(ReadOnlySpan<ulong> features)
    {
        if (!Sse.IsSupported) return;
        fixed (Slot* s = _slots)
            foreach (var f in features) Sse.Prefetch0(s + ((int)f & _mask));
    }

    public unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[.._classes].Clear();
        var slots = _slots;
        var weights = _weights;
        // Touch every slot first so the cache misses of all features overlap instead of queueing one after another.
        Prefetch(features);
        Span<long> ranges = stackalloc long[features.Length];
        int found = 0;
        foreach (var f in features)
        {
            int at = (int)f & _mask;
            while (true)
            {
                ref readonly var slot = ref slots[at];
                if (slot.End == 0) break;
                if (slot.Key == f)
                {
                    ranges[found++] = ((long)slot.Start << 32) | (uint)slot.End;
                    if (Sse.IsSupported)
                        fixed (Weight* w = weights) Sse.Prefetch0(w + slot.Start);
                    break;
                }
                at = (at + 1) & _mask;
            }
        }
        for (int r = 0; r < found; r++)
        {
            int start = (int)(ranges[r] >> 32), end = (int)ranges[r];
            for (int i = start; i < end; i++)
            {
                ref readonly var w = ref weights[i];
                Unsafe.Add(ref scores[0], w.Class) += w.Value;
            }
        }
    }

    /// <summary>
    /// Mean of several models over the same classes (parameter mixing of perceptrons trained on different shuffles),
    /// keeping weights of magnitude at least <paramref name="minWeight"/>.
    /// </summary>
    public static PerceptronModel Average(IReadOnlyList<PerceptronModel> models, float minWeight)
    {
        int classes = models[0].Classes;
        var sums = new Dictionary<ulong, float[]>();
        foreach (var m in models)
        {
            if (m.Classes != classes) throw new ArgumentException("models have different class counts");
            for (int row = 0; row < m._keys.Length; row++)
            {
                if (!sums.TryGetValue(m._keys[row], out var sum)) sums[m._keys[row]] = sum = new float[classes];
                for (int i = m._starts[row]; i < m._starts[row + 1]; i++) sum[m._weights[i].Class] += m._weights[i].Value;
            }
        }
        var keys = new List<ulong>();
        var starts = new List<int>();
        var ids = new List<ushort>();
        var values = new List<float>();
        foreach (var (key, sum) in sums.OrderBy(kv => kv.Key))
        {
            int begin = ids.Count;
            for (int c = 0; c < classes; c++)
            {
                float v = (float)(Half)(sum[c] / models.Count);
                if (MathF.Abs(v) < minWeight || v == 0) continue;
                ids.Add((ushort)c);
                values.Add(v);
            }
            if (ids.Count == begin) continue;
            keys.Add(key);
            starts.Add(begin);
        }
        starts.Add(ids.Count);
        return new PerceptronModel(classes, keys.ToArray(), starts.ToArray(), ids.ToArray(), values.ToArray());
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_classes);
        w.Write(_keys.Length);
        w.Write(_weights.Length);
        foreach (var k in _keys) w.Write(k);
        for (int i = 0; i < _keys.Length; i++) w.Write7BitEncodedInt(_starts[i + 1] - _starts[i]);
        foreach (var x in _weights) w.Write7BitEncodedInt(x.Class);
        foreach (var x in _weights) w.Write((Half)x.Value);
    }

    public static PerceptronModel Read(BinaryReader r, string name)
    {
        int classes = r.ReadInt32();
        int rows = r.ReadInt32();
        int weights = r.ReadInt32();
        if (classes <= 0 || rows < 0 || weights < 0)
            throw new InvalidDataException($"{name}: corrupt perceptron header");
        var keys = new ulong[rows];
        for (int i = 0; i < rows; i++) keys[i] = r.ReadUInt64();
        var starts = new int[rows + 1];
        for (int i = 0; i < rows; i++)
        {
            int length = r.Read7BitEncodedInt();
            if (length <= 0) throw new InvalidDataException($"{name}: empty perceptron row");
            starts[i + 1] = starts[i] + length;
        }
        if (starts[rows] != weights) throw new InvalidDataException($"{name}: perceptron row lengths do not add up");
        var ids = new ushort[weights];
        for (int i = 0; i < weights; i++)
        {
            int c = r.Read7BitEncodedInt();
            if ((uint)c >= (uint)classes) throw new InvalidDataException($"{name}: class id {c} out of range");
            ids[i] = (ushort)c;
        }
        var values = new float[weights];
        for (int i = 0; i < weights; i++) values[i] = (float)r.ReadHalf();
        return new PerceptronModel(classes, keys, starts, ids, values);
    }
}
