namespace Dyad.Nlp.Parsing;

/// <summary>
/// Per-sentence memo of partial scores keyed by a pair of word positions: the part of a move score that depends
/// only on (stack top, first buffer word), or of a label score that depends only on (head, dependent). A beam
/// revisits the same pairs many times per sentence, so each partial score is summed from the weight table once.
/// Entries are invalidated by bumping a generation number, so starting a sentence costs nothing.
/// Not thread-safe: one per decoder scratch.
/// </summary>
internal sealed class PairScoreCache(int stride)
{
    // Longer sentences are rare; they are scored without the memo instead of growing the index quadratically.
    private const int MaxPositions = 256;

    public int Stride { get; } = stride;
    private int[] _generationOf = [];
    private int[] _slotOf = [];
    private float[] _values = new float[64 * stride];
    private int _used;
    private int _generation;
    private int _positions;

    /// <summary>Forgets everything; positions run from 0 to <paramref name="n"/>.</summary>
    public void Reset(int n)
    {
        _positions = n + 1;
        _used = 0;
        if (_positions > MaxPositions) return;
        int size = _positions * _positions;
        if (_generationOf.Length < size)
        {
            int cap = Math.Max(size, Math.Min(_generationOf.Length * 2, MaxPositions * MaxPositions));
            _generationOf = new int[cap];
            _slotOf = new int[cap];
            _generation = 0;
        }
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_generationOf);
            _generation = 1;
        }
    }

    /// <summary>True when the memo can hold the pair (both positions in range).</summary>
    public bool Enabled => _positions <= MaxPositions;

    /// <summary>True when pair (<paramref name="a"/>, <paramref name="b"/>) has scores stored.</summary>
    public bool Contains(int a, int b) => _generationOf[a * _positions + b] == _generation;

    /// <summary>The stored scores of pair (<paramref name="a"/>, <paramref name="b"/>), or false with a fresh slot to fill in.</summary>
    public bool TryGet(int a, int b, out Span<float> scores)
    {
        int key = a * _positions + b;
        if (_generationOf[key] == _generation)
        {
            scores = _values.AsSpan(_slotOf[key] * Stride, Stride);
            return true;
        }
        if ((_used + 1) * Stride > _values.Length) Array.Resize(ref _values, _values.Length * 2);
        _generationOf[key] = _generation;
        _slotOf[key] = _used;
        scores = _values.AsSpan(_used * Stride, Stride);
        _used++;
        return false;
    }
}
