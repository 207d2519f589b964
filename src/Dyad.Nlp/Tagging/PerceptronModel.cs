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
    private readonly ushort[] _classIds;
    private readonly float[] _values;
    private readonly Dictionary<ulong, int> _rowOf;

    public PerceptronModel(int classes, ulong[] keys, int[] starts, ushort[] classIds, float[] values)
    {
        _classes = classes;
        _keys = keys;
        _starts = starts;
        _classIds = classIds;
        _values = values;
        _rowOf = new Dictionary<ulong, int>(keys.Length);
        for (int i = 0; i < keys.Length; i++) _rowOf[keys[i]] = i;
    }

    public int Classes => _classes;
    public int Features => _keys.Length;
    public int Weights => _values.Length;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[.._classes].Clear();
        foreach (var f in features)
        {
            if (!_rowOf.TryGetValue(f, out int row)) continue;
            int end = _starts[row + 1];
            for (int i = _starts[row]; i < end; i++) scores[_classIds[i]] += _values[i];
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_classes);
        w.Write(_keys.Length);
        w.Write(_values.Length);
        foreach (var k in _keys) w.Write(k);
        // Row lengths fit a byte-sized varint in practice; store as counts to keep the file small.
        for (int i = 0; i < _keys.Length; i++) w.Write7BitEncodedInt(_starts[i + 1] - _starts[i]);
        foreach (var c in _classIds) w.Write7BitEncodedInt(c);
        foreach (var v in _values) w.Write((Half)v);
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
        for (int i = 0; i < rows; i++) starts[i + 1] = starts[i] + r.Read7BitEncodedInt();
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
