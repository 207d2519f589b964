namespace Dyad.Nlp.Parsing;

/// <summary>
/// Beam search over arc-eager move sequences, scoring a hypothesis by the sum of its move scores (Zhang and
/// Clark 2008; Zhang and Nivre 2011). In training it tracks the gold sequence and reports the step of maximum
/// violation (Huang et al. 2012) so the caller can update on the prefixes there. A finished hypothesis is carried
/// unchanged, which is the same as padding it with zero-score moves, so hypotheses of different lengths compare.
/// Holds per-thread buffers; not thread-safe itself.
/// </summary>
internal sealed class BeamSearch
{
    private readonly int _width;
    public int Width => _width;
    private ArcEagerState[] _cur, _next;
    private double[] _curScore, _nextScore;
    private bool[] _curGold, _nextGold;
    private int _curCount;
    private readonly int[] _candHyp, _candMove;
    private readonly double[] _candScore;
    private readonly int[] _order;
    private readonly List<int[]> _histParent = new(), _histMove = new(), _histLabel = new();
    private readonly int[] _rows = new int[ParserFeatures.MaxMoveFeatures];
    // The rows of one beam step, found for every hypothesis before any is scored, so that the table reads of all
    // hypotheses are in flight together (a step's work is otherwise a queue of dependent cache misses).
    private readonly int[] _stepMoveRows, _stepMoveCount;
    private readonly int[] _stepLabelRows, _stepLabelCount, _stepStaticLabelRows, _stepStaticLabelCount;
    private readonly int[] _labelRows = new int[ParserFeatures.MaxLabelFeatures];
    private readonly float[] _scores = new float[8];
    private readonly float[] _labelScores = new float[1024];
    // Hypotheses in a beam often build the same arc in the same local context; the relation depends only on the
    // label feature rows, so a small per-sentence cache keyed by a hash of those rows saves rescoring it.
    private const int CacheSize = 512;
    private readonly ulong[] _cacheKeys = new ulong[CacheSize];
    private readonly int[] _cacheLabels = new int[CacheSize];
    // Score parts that depend only on two word positions, summed once per sentence and pair.
    private readonly PairScoreCache _moveParts = new(ArcEagerState.MoveCount);
    private PairScoreCache? _labelParts;

    public BeamSearch(int width)
    {
        _width = width;
        _cur = NewStates(width);
        _next = NewStates(width);
        _curScore = new double[width];
        _nextScore = new double[width];
        _curGold = new bool[width];
        _nextGold = new bool[width];
        int maxCand = width * (ArcEagerState.MoveCount + 1);
        _candHyp = new int[maxCand];
        _candMove = new int[maxCand];
        _candScore = new double[maxCand];
        _order = new int[width];
        _stepMoveRows = new int[width * ParserFeatures.MaxMoveFeatures];
        _stepMoveCount = new int[width];
        _stepLabelRows = new int[width * ParserFeatures.MaxLabelFeatures];
        _stepLabelCount = new int[width];
        _stepStaticLabelRows = new int[width * ParserFeatures.MaxLabelFeatures];
        _stepStaticLabelCount = new int[width];
    }

    private static ArcEagerState[] NewStates(int n)
    {
        var a = new ArcEagerState[n];
        for (int i = 0; i < n; i++) a[i] = new ArcEagerState();
        return a;
    }

    /// <summary>The best final state after <see cref="Decode"/>.</summary>
    public ArcEagerState Best => _cur[0];

    /// <summary>Training information: the gold move sequence, gold tree and gold prefix scores.</summary>
    public sealed class GoldPath
    {
        public int[] Moves = Array.Empty<int>();
        public int[] Heads = Array.Empty<int>();
        public int[] Labels = Array.Empty<int>();
        /// <summary>PrefixScore[t] = score of the first t gold moves.</summary>
        public double[] PrefixScore = Array.Empty<double>();
        public int Length;
        public double Prefix(int t) => PrefixScore[Math.Min(t, Length)];
        public int MoveAt(int t) => t < Length ? Moves[t] : -1;
    }

    /// <summary>Result of a training decode: the step and beam slot of maximum violation, or step -1 if none.</summary>
    public (int Step, double Violation) Decode(EncodedSentence x, HashedPerceptron moves, HashedPerceptron labels, ParserVocabulary vocab, GoldPath? gold)
    {
        Array.Clear(_cacheKeys);
        _moveParts.Reset(x.N);
        if (_labelParts == null || _labelParts.Stride != labels.Stride) _labelParts = new PairScoreCache(labels.Stride);
        _labelParts.Reset(x.N);
        _cur[0].Reset(x.N);
        _curScore[0] = 0;
        _curGold[0] = true;
        _curCount = 1;
        int step = 0;
        int worstStep = -1;
        double worst = 0;
        while (true)
        {
            bool allDone = true;
            for (int j = 0; j < _curCount; j++) if (!_cur[j].IsTerminal) { allDone = false; break; }
            if (allDone && (gold == null || step >= gold.Length)) break;

            int nc = 0;
            FindDynamicMoveRows(x, moves);
            for (int j = 0; j < _curCount; j++)
            {
                var st = _cur[j];
                if (st.IsTerminal)
                {
                    _candHyp[nc] = j; _candMove[nc] = -1; _candScore[nc] = _curScore[j]; nc++;
                    continue;
                }
                ScoreMoves(j, st, x, moves);
                for (int m = 0; m < ArcEagerState.MoveCount; m++)
                {
                    if (!st.IsLegal(m)) continue;
                    _candHyp[nc] = j; _candMove[nc] = m; _candScore[nc] = _curScore[j] + _scores[m]; nc++;
                }
            }
            int kept = SelectTop(nc);
            if (_histParent.Count <= step)
            {
                _histParent.Add(new int[_width]);
                _histMove.Add(new int[_width]);
                _histLabel.Add(new int[_width]);
            }
            int goldMove = gold?.MoveAt(step) ?? -2;
            FindLabelRows(kept, x, labels, vocab, gold);
            for (int r = 0; r < kept; r++)
            {
                int c = _order[r];
                int j = _candHyp[c], m = _candMove[c];
                var parent = _cur[j];
                int label = -1;
                if (m >= ArcEagerState.LeftArc)
                {
                    var (h, d) = parent.ArcOf(m);
                    if (h == 0) label = vocab.RootLabel;
                    else if (gold != null && gold.Heads[d] == h) label = gold.Labels[d];
                    else label = BestLabel(r, parent, x, labels, vocab, h, d);
                }
                var child = _next[r];
                child.CopyFrom(parent);
                if (m >= 0) child.Apply(m, label);
                _nextScore[r] = _candScore[c];
                _nextGold[r] = _curGold[j] && m == goldMove;
                _histParent[step][r] = j;
                _histMove[step][r] = m;
                _histLabel[step][r] = label;
            }
            (_cur, _next) = (_next, _cur);
            (_curScore, _nextScore) = (_nextScore, _curScore);
            (_curGold, _nextGold) = (_nextGold, _curGold);
            _curCount = kept;
            if (gold != null)
            {
                double v = _curScore[0] - gold.Prefix(step + 1);
                if (!_curGold[0] && v >= worst) { worst = v; worstStep = step; }
            }
            step++;
        }
        return (worstStep, worst);
    }

    /// <summary>The moves and labels of the hypothesis in beam slot 0 after step <paramref name="step"/>, from the start.</summary>
    public void Backtrack(int step, int[] moves, int[] labels)
    {
        int slot = 0;
        for (int s = step; s >= 0; s--)
        {
            moves[s] = _histMove[s][slot];
            labels[s] = _histLabel[s][slot];
            slot = _histParent[s][slot];
        }
    }

    /// <summary>The dynamic move rows of every live hypothesis of this step, requested from memory at once.</summary>
    private void FindDynamicMoveRows(EncodedSentence x, HashedPerceptron moves)
    {
        if (!_moveParts.Enabled) return;
        for (int j = 0; j < _curCount; j++)
        {
            var st = _cur[j];
            if (st.IsTerminal) continue;
            var rows = _stepMoveRows.AsSpan(j * ParserFeatures.MaxMoveFeatures, ParserFeatures.MaxMoveFeatures);
            int k = ParserFeatures.DynamicMoves(st, x, moves.Bits, rows);
            _stepMoveCount[j] = k;
            moves.Prefetch(rows[..k]);
        }
    }

    /// <summary>
    /// The label rows of every arc this step adds whose label the model picks (<see cref="BestLabel"/>), requested
    /// from memory at once; the static rows only for a (head, dependent) pair not scored yet in this sentence.
    /// </summary>
    private void FindLabelRows(int kept, EncodedSentence x, HashedPerceptron labels, ParserVocabulary vocab, GoldPath? gold)
    {
        var parts = _labelParts!;
        if (!parts.Enabled) return;
        for (int r = 0; r < kept; r++)
        {
            int c = _order[r];
            int m = _candMove[c];
            _stepLabelCount[r] = -1;
            if (m < ArcEagerState.LeftArc) continue;
            var parent = _cur[_candHyp[c]];
            var (h, d) = parent.ArcOf(m);
            if (h == 0 || (gold != null && gold.Heads[d] == h)) continue;
            var rows = _stepLabelRows.AsSpan(r * ParserFeatures.MaxLabelFeatures, ParserFeatures.MaxLabelFeatures);
            int k = ParserFeatures.DynamicLabel(parent, x, h, d, labels.Bits, rows);
            _stepLabelCount[r] = k;
            labels.Prefetch(rows[..k]);
            _stepStaticLabelCount[r] = -1;
            if (parts.Contains(h, d)) continue;
            var staticRows = _stepStaticLabelRows.AsSpan(r * ParserFeatures.MaxLabelFeatures, ParserFeatures.MaxLabelFeatures);
            int ks = ParserFeatures.StaticLabel(x, h, d, labels.Bits, staticRows);
            _stepStaticLabelCount[r] = ks;
            labels.Prefetch(staticRows[..ks]);
        }
    }

    /// <summary>Move scores of <paramref name="st"/> (hypothesis <paramref name="j"/>) into _scores: the memoized part for its (stack top, buffer front) plus the tree features.</summary>
    private void ScoreMoves(int j, ArcEagerState st, EncodedSentence x, HashedPerceptron moves)
    {
        var scores = _scores.AsSpan(0, ArcEagerState.MoveCount);
        if (!_moveParts.Enabled)
        {
            int all = ParserFeatures.Moves(st, x, moves.Bits, _rows);
            moves.Score(_rows.AsSpan(0, all), _scores);
            return;
        }
        if (!_moveParts.TryGet(st.S0, st.N0, out var part))
        {
            int ks = ParserFeatures.StaticMoves(st.S0, st.N0, x, moves.Bits, _rows);
            moves.Score(_rows.AsSpan(0, ks), part);
        }
        part.CopyTo(scores);
        moves.Add(_stepMoveRows.AsSpan(j * ParserFeatures.MaxMoveFeatures, _stepMoveCount[j]), scores);
    }

    /// <summary>The relation of the arc <paramref name="head"/> → <paramref name="dep"/> that kept hypothesis <paramref name="r"/> adds.</summary>
    private int BestLabel(int r, ArcEagerState st, EncodedSentence x, HashedPerceptron labels, ParserVocabulary vocab, int head, int dep)
    {
        var parts = _labelParts!;
        if (!parts.Enabled)
        {
            int all = ParserFeatures.Label(st, x, head, dep, labels.Bits, _labelRows);
            labels.Score(_labelRows.AsSpan(0, all), _labelScores);
            return ArgmaxLabel(vocab);
        }
        // The static label features are a function of (head, dep), so the pair and the tree features identify all rows.
        int k = _stepLabelCount[r];
        var dynamicRows = _stepLabelRows.AsSpan(r * ParserFeatures.MaxLabelFeatures, k);
        ulong key = 0xCBF29CE484222325UL;
        key = (key ^ (uint)head) * 0x100000001B3UL;
        key = (key ^ (uint)dep) * 0x100000001B3UL;
        for (int i = 0; i < k; i++) key = (key ^ (uint)dynamicRows[i]) * 0x100000001B3UL;
        key |= 1; // 0 marks an empty slot
        int slot = (int)(key >> 55) & (CacheSize - 1);
        if (_cacheKeys[slot] == key) return _cacheLabels[slot];
        if (!parts.TryGet(head, dep, out var part))
        {
            // Found in FindLabelRows unless an earlier arc of this step scored the same pair meanwhile.
            int ks = _stepStaticLabelCount[r];
            var staticRows = _stepStaticLabelRows.AsSpan(r * ParserFeatures.MaxLabelFeatures, ParserFeatures.MaxLabelFeatures);
            if (ks < 0) ks = ParserFeatures.StaticLabel(x, head, dep, labels.Bits, staticRows);
            labels.Score(staticRows[..ks], part);
        }
        part.CopyTo(_labelScores);
        labels.Add(dynamicRows, _labelScores);
        int best = ArgmaxLabel(vocab);
        _cacheKeys[slot] = key;
        _cacheLabels[slot] = best;
        return best;
    }

    private int ArgmaxLabel(ParserVocabulary vocab)
    {
        int best = -1;
        for (int c = 0; c < vocab.LabelCount; c++)
        {
            if (c == vocab.RootLabel) continue;
            if (best < 0 || _labelScores[c] > _labelScores[best]) best = c;
        }
        return best;
    }

    /// <summary>Indices of the best candidates (highest score, earlier candidate on ties) into _order; returns how many.</summary>
    private int SelectTop(int count)
    {
        int kept = 0;
        for (int c = 0; c < count; c++)
        {
            double s = _candScore[c];
            if (kept == _width && s <= _candScore[_order[kept - 1]]) continue;
            int pos = kept < _width ? kept++ : kept - 1;
            while (pos > 0 && _candScore[_order[pos - 1]] < s)
            {
                _order[pos] = _order[pos - 1];
                pos--;
            }
            _order[pos] = c;
        }
        return kept;
    }
}
