using System.Diagnostics;
using Dyad.Text;

namespace Dyad.Nlp.Parsing;

/// <summary>
/// Greedy arc-eager dependency parser producing labelled Universal Dependencies trees. Moves are scored by an
/// averaged perceptron over hashed Zhang-Nivre features and trained with a dynamic oracle (Goldberg and Nivre
/// 2012); each new arc gets its relation (with subtype) from a second perceptron. Immutable once built, so one
/// instance can parse on many threads (scratch space is per thread).
/// </summary>
public sealed class DependencyParser
{
    private const string Magic = "DYAD-PARSER";
    private const int FormatVersion = 5; // 3: feature templates 91-97 and 137-140; 4: optional tree relabeller; 5: its override margin

    private readonly ParserVocabulary _vocab;
    private readonly HashedPerceptron _moves;
    private readonly HashedPerceptron _labels;
    private readonly TreeRelabeller? _relabeller;

    [ThreadStatic] private static Scratch? t_scratch;

    private DependencyParser(ParserVocabulary vocab, HashedPerceptron moves, HashedPerceptron labels, TreeRelabeller? relabeller, int beamWidth)
    {
        _vocab = vocab;
        _moves = moves;
        _labels = labels;
        _relabeller = relabeller;
        BeamWidth = beamWidth;
    }

    /// <summary>Beam width used when parsing (1 = greedy).</summary>
    public int BeamWidth { get; }

    /// <summary>The same model decoding with another beam width (narrower is faster, usually a little less accurate).</summary>
    public DependencyParser WithBeamWidth(int beamWidth)
    {
        if (beamWidth is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(beamWidth));
        return new DependencyParser(_vocab, _moves, _labels, _relabeller, beamWidth);
    }

    /// <summary>The tree relabeller's override margin (<see cref="TreeRelabeller.Margin"/>), or null without a relabeller.</summary>
    public float? RelabelMargin => _relabeller?.Margin;

    /// <summary>The relation labels the parser can output.</summary>
    public IReadOnlyList<string> Relations => _vocab.Labels;

    /// <summary>Parses a tagged sentence (needs <see cref="Sentence.Upos"/> and <see cref="Sentence.Xpos"/>), filling Heads and Relations.</summary>
    public void Parse(Sentence sentence)
    {
        if (sentence.Upos == null || sentence.Xpos == null)
            throw new InvalidOperationException("the parser needs tagged sentences: run the tagger first");
        int n = sentence.Count;
        var forms = new string[n];
        for (int i = 0; i < n; i++) forms[i] = sentence.Tokens[i].Norm;
        var heads = new int[n];
        var relations = new string[n];
        Parse(forms, sentence.Upos, sentence.Xpos, heads, relations);
        sentence.Heads = heads;
        sentence.Relations = relations;
    }

    /// <summary>Parses one sentence given its words and tags; heads are 1-based (0 = root).</summary>
    public void Parse(ReadOnlySpan<string> forms, ReadOnlySpan<string> upos, ReadOnlySpan<string> xpos, Span<int> heads, Span<string> relations)
    {
        int n = forms.Length;
        if (upos.Length != n || xpos.Length != n || heads.Length < n || relations.Length < n)
            throw new ArgumentException("forms, tags, heads and relations must have the same length");
        if (n == 0) return;
        var sc = t_scratch ??= new Scratch();
        sc.X.Encode(_vocab, forms, upos, xpos);
        ArcEagerState st;
        if (BeamWidth <= 1)
        {
            Run(sc, _moves, _labels, _vocab);
            st = sc.State;
        }
        else
        {
            var beam = sc.Beam(BeamWidth);
            beam.Decode(sc.X, _moves, _labels, _vocab, null);
            st = beam.Best;
            Complete(st, sc, _labels, _vocab);
        }
        if (_relabeller != null) Relabel(st, sc, _relabeller, _vocab);
        for (int i = 1; i <= n; i++)
        {
            heads[i - 1] = st.Head[i];
            relations[i - 1] = _vocab.Labels[st.Label[i]];
        }
    }

    /// <summary>Greedy decoding of the sentence in <c>sc.X</c>; the tree is left in <c>sc.State</c>.</summary>
    private static void Run(Scratch sc, HashedPerceptron moves, HashedPerceptron labels, ParserVocabulary vocab)
    {
        var st = sc.State;
        var x = sc.X;
        st.Reset(x.N);
        Span<float> scores = sc.MoveScores;
        while (!st.IsTerminal)
        {
            int k = ParserFeatures.Moves(st, x, moves.Bits, sc.Rows);
            moves.Score(sc.Rows.AsSpan(0, k), scores);
            int best = -1;
            for (int m = 0; m < ArcEagerState.MoveCount; m++)
                if (st.IsLegal(m) && (best < 0 || scores[m] > scores[best])) best = m;
            int label = -1;
            if (best >= ArcEagerState.LeftArc)
            {
                var (h, d) = st.ArcOf(best);
                label = h == 0 ? vocab.RootLabel : BestLabel(st, sc, labels, vocab, h, d);
            }
            st.Apply(best, label);
        }
        Complete(st, sc, labels, vocab);
    }

    /// <summary>Words left without a head when the buffer runs out are attached to the root word (or become it).</summary>
    private static void Complete(ArcEagerState st, Scratch sc, HashedPerceptron labels, ParserVocabulary vocab)
    {
        for (int i = 1; i <= st.N; i++)
        {
            if (st.Head[i] >= 0) continue;
            if (st.RootChild < 0) st.AddArc(0, i, vocab.RootLabel);
            else st.AddArc(st.RootChild, i, BestLabel(st, sc, labels, vocab, st.RootChild, i));
        }
    }

    /// <summary>Chooses every non-root arc's relation again with the tree relabeller, seeing the finished tree.</summary>
    private static void Relabel(ArcEagerState st, Scratch sc, TreeRelabeller relabeller, ParserVocabulary vocab)
    {
        var tree = sc.Tree;
        tree.Build(st.Head, st.N);
        for (int d = 1; d <= st.N; d++)
        {
            if (st.Head[d] == 0) continue;
            int k = TreeRelabeller.Features(sc.X, tree, d, relabeller.Model.Bits, sc.TreeRows);
            relabeller.Model.Score(sc.TreeRows.AsSpan(0, k), sc.LabelScores);
            st.Label[d] = relabeller.Choose(sc.LabelScores, ArgmaxLabel(sc.LabelScores, vocab), st.Label[d]);
        }
    }

    /// <summary>
    /// The relabeller margin (see <see cref="TreeRelabeller.Margin"/>) that gives the best LAS on
    /// <paramref name="dev"/>: the sentences are parsed once with in-beam labels, every arc where the relabeller
    /// disagrees is scored for both labels, and the threshold is read off the disagreements sorted by margin.
    /// </summary>
    private float ChooseRelabelMargin(HashedPerceptron relabeller, IReadOnlyList<ParserTrainingSentence> dev, TextWriter? log)
    {
        var inBeam = WithRelabeller(null);
        var disagreements = new List<(float Margin, int Gain)>();
        var sc = new Scratch();
        foreach (var s in dev)
        {
            int n = s.Count;
            var heads = new int[n];
            var rels = new string[n];
            inBeam.Parse(s.Forms, s.Upos, s.Xpos, heads, rels);
            var treeHeads = new int[n + 1];
            treeHeads[0] = -1;
            heads.CopyTo(treeHeads, 1);
            sc.X.Encode(_vocab, s.Forms, s.Upos, s.Xpos);
            sc.Tree.Build(treeHeads, n);
            for (int d = 1; d <= n; d++)
            {
                if (treeHeads[d] == 0) continue;
                int k = TreeRelabeller.Features(sc.X, sc.Tree, d, relabeller.Bits, sc.TreeRows);
                relabeller.Score(sc.TreeRows.AsSpan(0, k), sc.LabelScores);
                int best = ArgmaxLabel(sc.LabelScores, _vocab), kept = _vocab.Label(rels[d - 1]);
                if (best == kept || kept < 0) continue;
                int gain = 0;
                if (s.Heads[d - 1] == heads[d - 1])
                {
                    // Counted on the universal relation (LAS) and on the full one: subtypes such as nsubj:pass
                    // steer the event coder, so an override must not win LAS by trading them away.
                    string gold = s.Relations[d - 1], relabelled = _vocab.Labels[best], inBeamLabel = rels[d - 1];
                    var universal = AttachmentScore.Universal(gold);
                    gain = (universal.SequenceEqual(AttachmentScore.Universal(relabelled)) ? 1 : 0)
                         - (universal.SequenceEqual(AttachmentScore.Universal(inBeamLabel)) ? 1 : 0)
                         + (gold == relabelled ? 1 : 0) - (gold == inBeamLabel ? 1 : 0);
                }
                disagreements.Add((sc.LabelScores[best] - sc.LabelScores[kept], gain));
            }
        }
        disagreements.Sort((a, b) => b.Margin.CompareTo(a.Margin));
        // Overriding the i most confident disagreements gains the sum of their gains; the margin is the next one's.
        int sum = 0, bestSum = 0, bestCount = 0, allSum = 0;
        foreach (var x in disagreements) allSum += x.Gain;
        for (int i = 0; i < disagreements.Count; i++)
        {
            sum += disagreements[i].Gain;
            if (sum > bestSum) { bestSum = sum; bestCount = i + 1; }
        }
        if (log != null && disagreements.Count > 0)
        {
            // The gain curve at every tenth of the disagreements, most confident first: margin -> cumulative gain.
            var curve = new System.Text.StringBuilder("relabeller overrides by margin:");
            int cumulative = 0;
            for (int i = 0, next = 1; i < disagreements.Count; i++)
            {
                cumulative += disagreements[i].Gain;
                if (i + 1 >= next * disagreements.Count / 10.0) { curve.Append($" >{disagreements[i].Margin:G3}: {cumulative:+#;-#;0}"); next++; }
            }
            log.WriteLine(curve.ToString());
        }
        float margin = bestCount == 0 ? float.MaxValue / 2
            : bestCount == disagreements.Count ? 0f : Math.Max(0f, disagreements[bestCount].Margin);
        log?.WriteLine($"relabeller margin chosen on dev: {margin:G6} (overrides {bestCount} of {disagreements.Count} disagreements; " +
            $"gain in universal + full correct labels {bestSum:+#;-#;0}, overriding all {allSum:+#;-#;0})");
        return margin;
    }

    /// <summary>One training step of the relabeller on the gold tree of the sentence encoded in <c>sc.X</c>.</summary>
    private static void TrainRelabeller(ParserTrainingSentence t, int[] gl, ParserVocabulary vocab, HashedPerceptron relabeller, Scratch sc)
    {
        var tree = sc.Tree;
        var heads = sc.GoldHeadScratch.Length >= t.Count + 1 ? sc.GoldHeadScratch : sc.GoldHeadScratch = new int[2 * t.Count + 2];
        heads[0] = -1;
        for (int i = 0; i < t.Count; i++) heads[i + 1] = t.Heads[i];
        tree.Build(heads, t.Count);
        for (int d = 1; d <= t.Count; d++)
        {
            if (heads[d] == 0 || gl[d] < 0 || gl[d] == vocab.RootLabel) continue;
            int k = TreeRelabeller.Features(sc.X, tree, d, relabeller.Bits, sc.TreeRows);
            var rows = sc.TreeRows.AsSpan(0, k);
            relabeller.Score(rows, sc.LabelScores);
            int guess = ArgmaxLabel(sc.LabelScores, vocab);
            relabeller.Tick();
            if (guess != gl[d]) relabeller.Update(rows, gl[d], guess);
        }
    }

    private static int BestLabel(ArcEagerState st, Scratch sc, HashedPerceptron labels, ParserVocabulary vocab, int head, int dep)
    {
        int k = ParserFeatures.Label(st, sc.X, head, dep, labels.Bits, sc.LabelRows);
        labels.Score(sc.LabelRows.AsSpan(0, k), sc.LabelScores);
        return ArgmaxLabel(sc.LabelScores, vocab);
    }

    /// <summary>The best relation other than root (root is only ever given to an arc from the artificial root).</summary>
    private static int ArgmaxLabel(ReadOnlySpan<float> scores, ParserVocabulary vocab)
    {
        int best = -1;
        for (int c = 0; c < vocab.LabelCount; c++)
        {
            if (c == vocab.RootLabel) continue;
            if (best < 0 || scores[c] > scores[best]) best = c;
        }
        return best;
    }

    /// <summary>
    /// Trains a parser. Pass the tags the parser will see in use (predicted, jackknifed) in the training sentences.
    /// After each pass the averaged model is scored on <paramref name="dev"/> (if given) and the best pass kept.
    /// </summary>
    public static DependencyParser Train(IReadOnlyList<ParserTrainingSentence> train, IReadOnlyList<ParserTrainingSentence>? dev,
        ParserOptions options, TextWriter? log = null)
    {
        if (options.EnsembleSize > 1) return ParserEnsemble.Train(train, dev, options, log);
        return TrainSingle(train, dev, options, log, "parser");
    }

    /// <summary>Trains one parser with <paramref name="options"/>' seed; <paramref name="name"/> starts its log lines.</summary>
    internal static DependencyParser TrainSingle(IReadOnlyList<ParserTrainingSentence> train, IReadOnlyList<ParserTrainingSentence>? dev,
        ParserOptions options, TextWriter? log, string name)
    {
        if (train.Count == 0) throw new ArgumentException("no training sentences");
        var vocab = ParserVocabulary.Build(train, options.MinWordCount);
        if (vocab.RootLabel < 0) throw new ArgumentException("training data has no 'root' relation");
        var moves = new HashedPerceptron(options.MoveBits, ArcEagerState.MoveCount);
        var labels = new HashedPerceptron(options.LabelBits, vocab.LabelCount);
        var relabeller = options.TreeRelabeller ? new HashedPerceptron(options.LabelBits, vocab.LabelCount) : null;
        moves.BeginTraining();
        labels.BeginTraining();
        relabeller?.BeginTraining();

        // Gold trees for the oracle, projectivized; labels as ids.
        var goldHeads = new int[train.Count][];
        var goldLabels = new int[train.Count][];
        int nonProjective = 0;
        for (int s = 0; s < train.Count; s++)
        {
            var t = train[s];
            var h = new int[t.Count + 1];
            var l = new int[t.Count + 1];
            for (int i = 0; i < t.Count; i++) { h[i + 1] = t.Heads[i]; l[i + 1] = vocab.Label(t.Relations[i]); }
            if (!Projectivizer.IsProjective(h)) { nonProjective++; h = Projectivizer.Lift(h); }
            goldHeads[s] = h;
            goldLabels[s] = l;
        }
        log?.WriteLine($"{name}: {train.Count} training sentences ({nonProjective} non-projective, lifted), {vocab.Words.Length} words, {vocab.LabelCount} relations");

        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var sc = new Scratch { TrainWidth = options.TrainBeamWidth > 0 ? options.TrainBeamWidth : options.BeamWidth };
        Span<int> costs = stackalloc int[ArcEagerState.MoveCount];
        DependencyParser? best = null;
        double bestLas = double.NegativeInfinity;
        for (int iter = 1; iter <= options.Iterations; iter++)
        {
            var clock = Stopwatch.StartNew();
            rng.Shuffle(order);
            bool explore = iter >= options.ExploreFromIteration;
            long decisions = 0, errors = 0;
            if (options.BeamWidth > 1)
            {
                foreach (int s in order)
                {
                    decisions++;
                    if (TrainBeam(train[s], goldHeads[s], goldLabels[s], vocab, moves, labels, sc)) errors++;
                    if (relabeller != null) TrainRelabeller(train[s], goldLabels[s], vocab, relabeller, sc);
                }
            }
            else foreach (int s in order)
            {
                var t = train[s];
                var gh = goldHeads[s];
                var gl = goldLabels[s];
                sc.X.Encode(vocab, t.Forms, t.Upos, t.Xpos);
                var st = sc.State;
                st.Reset(t.Count);
                while (!st.IsTerminal)
                {
                    int k = ParserFeatures.Moves(st, sc.X, moves.Bits, sc.Rows);
                    var rows = sc.Rows.AsSpan(0, k);
                    moves.Score(rows, sc.MoveScores);
                    ArcEagerOracle.Costs(st, gh, costs);
                    int pred = -1, gold = -1, minCost = ArcEagerOracle.Illegal;
                    for (int m = 0; m < ArcEagerState.MoveCount; m++)
                        if (costs[m] < minCost) minCost = costs[m];
                    for (int m = 0; m < ArcEagerState.MoveCount; m++)
                    {
                        if (costs[m] == ArcEagerOracle.Illegal) continue;
                        if (pred < 0 || sc.MoveScores[m] > sc.MoveScores[pred]) pred = m;
                        if (costs[m] == minCost && (gold < 0 || sc.MoveScores[m] > sc.MoveScores[gold])) gold = m;
                    }
                    moves.Tick();
                    decisions++;
                    int follow = pred;
                    if (costs[pred] > minCost)
                    {
                        errors++;
                        moves.Update(rows, gold, pred);
                        if (!explore || rng.NextDouble() >= options.ExploreProbability) follow = gold;
                    }
                    int label = -1;
                    if (follow >= ArcEagerState.LeftArc)
                    {
                        var (h, d) = st.ArcOf(follow);
                        if (h == 0) label = vocab.RootLabel;
                        else
                        {
                            int lk = ParserFeatures.Label(st, sc.X, h, d, labels.Bits, sc.LabelRows);
                            var lrows = sc.LabelRows.AsSpan(0, lk);
                            labels.Score(lrows, sc.LabelScores);
                            label = ArgmaxLabel(sc.LabelScores, vocab);
                            if (gh[d] == h && gl[d] != vocab.RootLabel)
                            {
                                labels.Tick();
                                if (label != gl[d]) labels.Update(lrows, gl[d], label);
                                label = gl[d];
                            }
                        }
                    }
                    st.Apply(follow, label);
                }
                if (relabeller != null) TrainRelabeller(t, gl, vocab, relabeller, sc);
            }
            var candidate = new DependencyParser(vocab, moves.Averaged(), labels.Averaged(),
                relabeller == null ? null : new TreeRelabeller(relabeller.Averaged()), options.BeamWidth);
            string devReport = "";
            if (dev != null && dev.Count > 0)
            {
                var score = candidate.Evaluate(dev);
                devReport = $"; dev {score}";
                if (relabeller != null)
                    devReport += $" (in-beam labels only: {new DependencyParser(vocab, candidate._moves, candidate._labels, null, options.BeamWidth).Evaluate(dev)})";
                if (score.Las > bestLas) { bestLas = score.Las; best = candidate; }
            }
            else best = candidate;
            log?.WriteLine($"{name} pass {iter}: move errors {100.0 * errors / Math.Max(1, decisions):F2}% of {decisions}{devReport} ({clock.Elapsed.TotalSeconds:F1}s)");
        }
        return best!._relabeller is { } chosen ? best.WithRelabelMargin(chosen.Model, dev, options, log) : best;
    }

    /// <summary>
    /// This parser with <paramref name="relabeller"/> overriding in-beam labels by <paramref name="options"/>'
    /// margin, or, when that is not set, by the margin that scores best on <paramref name="dev"/> (0 without dev).
    /// </summary>
    private DependencyParser WithRelabelMargin(HashedPerceptron relabeller, IReadOnlyList<ParserTrainingSentence>? dev,
        ParserOptions options, TextWriter? log)
    {
        float margin = options.RelabelMargin ?? (dev != null && dev.Count > 0 ? ChooseRelabelMargin(relabeller, dev, log) : 0f);
        var parser = WithRelabeller(new TreeRelabeller(relabeller, margin));
        if (dev != null && dev.Count > 0) log?.WriteLine($"relabeller margin {margin:G6}: dev {parser.Evaluate(dev)}");
        return parser;
    }

    /// <summary>
    /// This parser with a tree relabeller trained for it (its moves and in-beam labels unchanged): the relabeller
    /// learns from gold trees only, so it can be added to a trained parser without training the parser again. Takes
    /// <paramref name="options"/>' iterations (the last pass is kept), label table size and seed.
    /// </summary>
    public DependencyParser WithTrainedRelabeller(IReadOnlyList<ParserTrainingSentence> train, IReadOnlyList<ParserTrainingSentence>? dev,
        ParserOptions options, TextWriter? log = null)
    {
        if (train.Count == 0) throw new ArgumentException("no training sentences");
        var relabeller = new HashedPerceptron(options.LabelBits, _vocab.LabelCount);
        relabeller.BeginTraining();
        var goldLabels = new int[train.Count][];
        for (int s = 0; s < train.Count; s++)
        {
            var t = train[s];
            var l = new int[t.Count + 1];
            for (int i = 0; i < t.Count; i++) l[i + 1] = _vocab.Label(t.Relations[i]);
            goldLabels[s] = l;
        }
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var sc = new Scratch();
        DependencyParser result = this;
        if (dev != null && dev.Count > 0) log?.WriteLine($"relabeller: dev before (in-beam labels only) {WithRelabeller(null).Evaluate(dev)}");
        for (int iter = 1; iter <= options.Iterations; iter++)
        {
            var clock = Stopwatch.StartNew();
            rng.Shuffle(order);
            foreach (int s in order)
            {
                var t = train[s];
                sc.X.Encode(_vocab, t.Forms, t.Upos, t.Xpos);
                TrainRelabeller(t, goldLabels[s], _vocab, relabeller, sc);
            }
            result = WithRelabeller(new TreeRelabeller(relabeller.Averaged()));
            string devReport = dev != null && dev.Count > 0 ? $"; dev {result.Evaluate(dev)}" : "";
            log?.WriteLine($"relabeller pass {iter}{devReport} ({clock.Elapsed.TotalSeconds:F1}s)");
        }
        return result._relabeller is { } trained ? WithRelabelMargin(trained.Model, dev, options, log) : result;
    }

    private DependencyParser WithRelabeller(TreeRelabeller? relabeller) => new(_vocab, _moves, _labels, relabeller, BeamWidth);

    /// <summary>
    /// One global-training step: label model trained along the gold move sequence, then a beam decode and a
    /// max-violation update of the move model. Returns true when the model was updated.
    /// </summary>
    private static bool TrainBeam(ParserTrainingSentence t, int[] gh, int[] gl, ParserVocabulary vocab,
        HashedPerceptron moves, HashedPerceptron labels, Scratch sc)
    {
        sc.X.Encode(vocab, t.Forms, t.Upos, t.Xpos);
        var gold = sc.Gold;
        var st = sc.State;
        int n = t.Count;
        int maxSteps = 2 * n + 2;
        if (gold.Moves.Length < maxSteps)
        {
            gold.Moves = new int[maxSteps * 2];
            gold.PrefixScore = new double[maxSteps * 2 + 1];
            sc.PredMoves = new int[maxSteps * 4];
            sc.PredLabels = new int[maxSteps * 4];
            sc.GoldLabelSeq = new int[maxSteps * 2];
        }
        gold.Heads = gh;
        gold.Labels = gl;
        // Static oracle run: gold moves, their prefix scores, and label-model training on gold arcs.
        Span<int> costs = stackalloc int[ArcEagerState.MoveCount];
        st.Reset(n);
        int len = 0;
        gold.PrefixScore[0] = 0;
        while (!st.IsTerminal)
        {
            ArcEagerOracle.Costs(st, gh, costs);
            int move = costs[ArcEagerState.LeftArc] == 0 ? ArcEagerState.LeftArc
                : costs[ArcEagerState.RightArc] == 0 ? ArcEagerState.RightArc
                : costs[ArcEagerState.Reduce] == 0 ? ArcEagerState.Reduce
                : ArcEagerState.Shift;
            int k = ParserFeatures.Moves(st, sc.X, moves.Bits, sc.Rows);
            moves.Score(sc.Rows.AsSpan(0, k), sc.MoveScores);
            gold.PrefixScore[len + 1] = gold.PrefixScore[len] + sc.MoveScores[move];
            int label = -1;
            if (move >= ArcEagerState.LeftArc)
            {
                var (h, d) = st.ArcOf(move);
                label = gl[d];
                if (h != 0)
                {
                    int lk = ParserFeatures.Label(st, sc.X, h, d, labels.Bits, sc.LabelRows);
                    var lrows = sc.LabelRows.AsSpan(0, lk);
                    labels.Score(lrows, sc.LabelScores);
                    int guess = ArgmaxLabel(sc.LabelScores, vocab);
                    labels.Tick();
                    if (guess != label) labels.Update(lrows, label, guess);
                }
            }
            gold.Moves[len] = move;
            sc.GoldLabelSeq[len] = label;
            len++;
            st.Apply(move, label);
        }
        gold.Length = len;

        var beam = sc.Beam(sc.TrainWidth);
        var (step, _) = beam.Decode(sc.X, moves, labels, vocab, gold);
        moves.Tick();
        if (step < 0) return false;
        beam.Backtrack(step, sc.PredMoves, sc.PredLabels);
        // Only steps from the first difference on can differ in features, so replay both prefixes from the start
        // and update where they disagree or after they diverged.
        int first = 0;
        while (first <= step && gold.MoveAt(first) == sc.PredMoves[first]
               && (first >= len || sc.GoldLabelSeq[first] == sc.PredLabels[first])) first++;
        if (first > step) return false;
        Replay(st, sc, moves, n, gold.Moves, sc.GoldLabelSeq, Math.Min(step + 1, len), first, +1f);
        Replay(st, sc, moves, n, sc.PredMoves, sc.PredLabels, step + 1, first, -1f);
        return true;
    }

    private static void Replay(ArcEagerState st, Scratch sc, HashedPerceptron moves, int n, int[] seq, int[] labels, int count, int from, float delta)
    {
        st.Reset(n);
        for (int i = 0; i < count; i++)
        {
            int m = seq[i];
            if (m < 0) break;
            if (i >= from)
            {
                int k = ParserFeatures.Moves(st, sc.X, moves.Bits, sc.Rows);
                moves.Update(sc.Rows.AsSpan(0, k), m, delta);
            }
            st.Apply(m, labels[i]);
        }
    }

    /// <summary>
    /// One parser whose weights are the mean of <paramref name="members"/>' (trained on the same sentences, so with
    /// the same vocabulary): it scores each move and label as the mean of the members' scores, at one model's cost.
    /// </summary>
    internal static DependencyParser Mean(IReadOnlyList<DependencyParser> members)
    {
        if (members.Count == 0) throw new ArgumentException("no parsers to average");
        var first = members[0];
        var moves = new HashedPerceptron[members.Count];
        var labels = new HashedPerceptron[members.Count];
        var relabellers = new HashedPerceptron[members.Count];
        bool allRelabel = true;
        for (int i = 0; i < members.Count; i++)
        {
            if (!members[i]._vocab.HasSameEntries(first._vocab))
                throw new ArgumentException("parsers to average must share their vocabulary (train them on the same sentences)");
            moves[i] = members[i]._moves;
            labels[i] = members[i]._labels;
            if (members[i]._relabeller is { } r) relabellers[i] = r.Model; else allRelabel = false;
        }
        var relabeller = allRelabel ? new TreeRelabeller(HashedPerceptron.Mean(relabellers)) : null;
        return new DependencyParser(first._vocab, HashedPerceptron.Mean(moves), HashedPerceptron.Mean(labels), relabeller, first.BeamWidth);
    }

    /// <summary>Parses the sentences with their given tags and scores the trees against their gold trees.</summary>
    public AttachmentScore Evaluate(IReadOnlyList<ParserTrainingSentence> sentences)
    {
        var score = new AttachmentScore();
        foreach (var s in sentences)
        {
            var heads = new int[s.Count];
            var rels = new string[s.Count];
            Parse(s.Forms, s.Upos, s.Xpos, heads, rels);
            score.Add(s.Heads, s.Relations, heads, rels);
        }
        return score;
    }

    public void Save(Stream stream)
    {
        using var bw = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        bw.Write(Magic);
        bw.Write(FormatVersion);
        bw.Write(BeamWidth);
        _vocab.Write(bw);
        bw.Flush();
        _moves.Write(stream);
        _labels.Write(stream);
        stream.WriteByte(_relabeller == null ? (byte)0 : (byte)1);
        _relabeller?.Model.Write(stream);
        if (_relabeller != null) bw.Write(_relabeller.Margin);
    }

    public static DependencyParser Load(Stream stream)
    {
        using var br = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        string magic;
        try { magic = br.ReadString(); }
        catch (EndOfStreamException) { throw new InvalidDataException("not a Dyad parser model (file is empty or truncated)"); }
        if (magic != Magic) throw new InvalidDataException("not a Dyad parser model");
        int version = br.ReadInt32();
        if (version is not (3 or 4 or FormatVersion)) throw new InvalidDataException($"parser model format {version} is not supported (expected {FormatVersion})");
        int beamWidth = br.ReadInt32();
        if (beamWidth is < 1 or > 256) throw new InvalidDataException("corrupt parser model (beam width)");
        var vocab = ParserVocabulary.Read(br);
        var moves = HashedPerceptron.Read(stream);
        var labels = HashedPerceptron.Read(stream);
        TreeRelabeller? relabeller = null;
        if (version >= 4)
        {
            int flag = stream.ReadByte();
            if (flag is not (0 or 1)) throw new InvalidDataException("corrupt parser model (relabeller flag)");
            if (flag == 1) relabeller = new TreeRelabeller(HashedPerceptron.Read(stream));
        }
        if (relabeller != null && version >= 5)
        {
            float margin = br.ReadSingle();
            if (!(margin >= 0) || float.IsInfinity(margin)) throw new InvalidDataException("corrupt parser model (relabeller margin)");
            relabeller = new TreeRelabeller(relabeller.Model, margin);
        }
        if (labels.Classes != vocab.LabelCount || moves.Classes != ArcEagerState.MoveCount
            || (relabeller != null && relabeller.Model.Classes != vocab.LabelCount))
            throw new InvalidDataException("parser model tables do not match its vocabulary");
        return new DependencyParser(vocab, moves, labels, relabeller, beamWidth);
    }

    public void Save(string path)
    {
        using var fs = File.Create(path);
        Save(fs);
    }

    public static DependencyParser Load(string path)
    {
        using var fs = File.OpenRead(path);
        try { return Load(new BufferedStream(fs, 1 << 16)); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <summary>Per-thread working memory, so parsing allocates nothing per move.</summary>
    private sealed class Scratch
    {
        public readonly ArcEagerState State = new();
        public readonly EncodedSentence X = new();
        public readonly int[] Rows = new int[ParserFeatures.MaxMoveFeatures];
        public readonly int[] LabelRows = new int[ParserFeatures.MaxLabelFeatures];
        public readonly float[] MoveScores = new float[8];
        public readonly float[] LabelScores = new float[1024];
        public readonly int[] TreeRows = new int[TreeRelabeller.MaxFeatures];
        public readonly TreeChildren Tree = new();
        public int[] GoldHeadScratch = new int[64];
        private BeamSearch? _beam;
        public int TrainWidth = 1;
        public readonly BeamSearch.GoldPath Gold = new();
        public int[] PredMoves = Array.Empty<int>(), PredLabels = Array.Empty<int>(), GoldLabelSeq = Array.Empty<int>();
        public BeamSearch Beam(int width) => _beam != null && _beam.Width == width ? _beam : _beam = new BeamSearch(width);
    }
}
