using System.Numerics;
using System.Text;
using Dyad.Text;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// Part-of-speech and morphological-feature tagger: greedy averaged-perceptron tagging of combined UPOS+XPOS tags in
/// two passes (the second sees first-pass tags to the right), then a perceptron that picks FEATS among the
/// feature bundles seen with the chosen tag. Immutable after training or loading; safe to use from many threads.
/// </summary>
public sealed class PosTagger
{
    private const string Magic = "DYADTAGR";
    private const int FormatVersion = 4;

    private readonly string[] _upos;
    private readonly string[] _xpos;
    private readonly string[] _feats;
    private readonly int[][] _featsCandidates; // per tag class: feats class ids seen with it
    private readonly TagDictionary _dictionary;
    private readonly PerceptronModel _pass1;
    private readonly PerceptronModel? _pass2;
    private readonly PerceptronModel _featsModel;
    private readonly TagRoles _roles;

    private PosTagger(string[] upos, string[] xpos, string[] feats, int[][] featsCandidates, TagDictionary dictionary,
        PerceptronModel pass1, PerceptronModel? pass2, PerceptronModel featsModel)
    {
        _upos = upos;
        _xpos = xpos;
        _feats = feats;
        _featsCandidates = featsCandidates;
        _dictionary = dictionary;
        _pass1 = pass1;
        _pass2 = pass2;
        _featsModel = featsModel;
        _roles = new TagRoles(upos, xpos);
    }

    public int TagCount => _upos.Length;

    /// <summary>A copy without weights smaller than <paramref name="minWeight"/>: smaller and faster, for size/accuracy trade-offs.</summary>
    internal PosTagger Pruned(float minWeight) => new(_upos, _xpos, _feats, _featsCandidates, _dictionary,
        PerceptronModel.Average([_pass1], minWeight), _pass2 == null ? null : PerceptronModel.Average([_pass2], minWeight),
        PerceptronModel.Average([_featsModel], minWeight));

    /// <summary>Short description of the model's size, for logs.</summary>
    public string Describe() =>
        $"{_upos.Length} tags, {_feats.Length} feature bundles, pass1 {_pass1.Features:N0} features/{_pass1.Weights:N0} weights, " +
        (_pass2 == null ? "no pass2, " : $"pass2 {_pass2.Features:N0}/{_pass2.Weights:N0}, ") +
        $"feats {_featsModel.Features:N0}/{_featsModel.Weights:N0}, dictionary {_dictionary.AmbiguityEntries:N0}+{_dictionary.LexiconEntries:N0}";

    /// <summary>Fills <see cref="Sentence.Upos"/>, <see cref="Sentence.Xpos"/> and <see cref="Sentence.Feats"/>, reading each token's <see cref="Token.Norm"/>.</summary>
    public void Tag(Sentence sentence)
    {
        int n = sentence.Count;
        var words = new string[n];
        for (int i = 0; i < n; i++) words[i] = sentence.Tokens[i].Norm;
        var upos = new string[n];
        var xpos = new string[n];
        var feats = new string[n];
        Tag(words, upos, xpos, feats);
        sentence.Upos = upos;
        sentence.Xpos = xpos;
        sentence.Feats = feats;
    }

    /// <summary>Tags one sentence given as word forms; FEATS is "_" when the word has none (CoNLL-U convention).</summary>
    public void Tag(ReadOnlySpan<string> words, Span<string> upos, Span<string> xpos, Span<string> feats)
    {
        int n = words.Length;
        if (upos.Length < n || xpos.Length < n || feats.Length < n)
            throw new ArgumentException("output spans must be at least as long as the sentence");
        if (n == 0) return;
        var scratch = Scratch.For(n, Math.Max(_upos.Length, _featsModel.Classes));
        var infos = scratch.Words.AsSpan(0, n + 4);
        Prepare(words, infos, _dictionary);
        var tags = scratch.Tags.AsSpan(0, n);
        ulong style = TagFeatures.SentenceStyle(words);
        Decode(_pass1, infos, tags, ReadOnlySpan<int>.Empty, style, scratch);
        if (_pass2 != null)
        {
            var first = scratch.FirstPass.AsSpan(0, n);
            tags.CopyTo(first);
            Decode(_pass2, infos, tags, first, style, scratch);
        }
        var featIds = scratch.FeatIds.AsSpan(0, n);
        PredictFeats(infos, tags, featIds, scratch);
        for (int i = 0; i < n; i++)
        {
            upos[i] = _upos[tags[i]];
            xpos[i] = _xpos[tags[i]];
            feats[i] = _feats[featIds[i]];
        }
    }

    private static void Prepare(ReadOnlySpan<string> words, Span<WordInfo> infos, TagDictionary dictionary)
    {
        infos[0] = WordInfo.Boundary(0xB0);
        infos[1] = WordInfo.Boundary(0xB1);
        for (int i = 0; i < words.Length; i++) infos[i + 2] = WordInfo.Compute(words[i], dictionary);
        infos[words.Length + 2] = WordInfo.Boundary(0xE0);
        infos[words.Length + 3] = WordInfo.Boundary(0xE1);
    }

    private static void Decode(PerceptronModel model, ReadOnlySpan<WordInfo> infos, Span<int> tags, ReadOnlySpan<int> right, ulong style, Scratch scratch)
    {
        var features = scratch.Features.AsSpan();
        var ahead = scratch.Ahead.AsSpan();
        var scores = scratch.Scores.AsSpan(0, model.Classes);
        int next = NextToScore(infos, 0, tags);
        while (next < tags.Length)
        {
            int i = next;
            int k = TagFeatures.Extract(infos, i, tags, right, style, features);
            // Software pipelining: most features of the next scored token are its words' (only the few conjoined
            // with the tag chosen here are not known yet), so their table slots are requested now and arrive while
            // this token is scored. The keys built on the stale tag are wasted requests, never read.
            next = NextToScore(infos, i + 1, tags);
            if (next < tags.Length)
                model.Prefetch(ahead[..TagFeatures.Extract(infos, next, tags, right, style, ahead)]);
            model.Score(features[..k], scores);
            tags[i] = ArgMax(scores);
        }
    }

    /// <summary>
    /// Sets the sure tags of the words from <paramref name="from"/> on up to the first word the model must score,
    /// and returns its position (the sentence length when none is left). Only that word's features read the tags
    /// set here, so setting them before the current word's tag changes nothing.
    /// </summary>
    private static int NextToScore(ReadOnlySpan<WordInfo> infos, int from, Span<int> tags)
    {
        int i = from;
        for (; i < tags.Length && infos[i + 2].SureTag >= 0; i++) tags[i] = infos[i + 2].SureTag;
        return i;
    }

    private void PredictFeats(ReadOnlySpan<WordInfo> infos, ReadOnlySpan<int> tags, Span<int> featIds, Scratch scratch)
    {
        var features = scratch.Features.AsSpan();
        var ahead = scratch.Ahead.AsSpan();
        var scores = scratch.Scores.AsSpan(0, _featsModel.Classes);
        // Every tag is known here, so the next ambiguous word's features are exact: they are built one word early
        // and their slots requested while this word is scored (software pipelining), then used as they are.
        int i = NextAmbiguous(tags, featIds, 0);
        int k = i < tags.Length ? ExtractFeats(infos, tags, i, features) : 0;
        while (i < tags.Length)
        {
            int next = NextAmbiguous(tags, featIds, i + 1);
            int kNext = 0;
            if (next < tags.Length)
            {
                kNext = ExtractFeats(infos, tags, next, ahead);
                _featsModel.Prefetch(ahead[..kNext]);
            }
            var candidates = _featsCandidates[tags[i]];
            _featsModel.Score(features[..k], scores);
            featIds[i] = candidates[ArgMax(scores[..candidates.Length])];
            var swap = features;
            features = ahead;
            ahead = swap;
            (i, k) = (next, kNext);
        }
    }

    private int ExtractFeats(ReadOnlySpan<WordInfo> infos, ReadOnlySpan<int> tags, int i, Span<ulong> features)
    {
        var (subject, aux) = _roles.Cues(infos, tags, i);
        return FeatsFeatures.Extract(infos, i, tags, subject, aux, features);
    }

    /// <summary>Fills in the words from <paramref name="from"/> on whose tag allows one feature bundle only, and returns the next word with a choice.</summary>
    private int NextAmbiguous(ReadOnlySpan<int> tags, Span<int> featIds, int from)
    {
        int i = from;
        for (; i < tags.Length; i++)
        {
            var candidates = _featsCandidates[tags[i]];
            if (candidates.Length != 1) break;
            featIds[i] = candidates[0];
        }
        return i;
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        float bestScore = scores[0];
        for (int c = 1; c < scores.Length; c++)
            if (scores[c] > bestScore) { bestScore = scores[c]; best = c; }
        return best;
    }

    // ---------------------------------------------------------------- training

    public static PosTagger Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, TaggerOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Count == 0) throw new ArgumentException("no training sentences", nameof(train));
        if (options.Iterations < 1 || options.FeatsIterations < 1) throw new ArgumentException("iterations must be at least 1");
        var started = DateTime.UtcNow;

        // Class inventories in ordinal order so ids do not depend on data order.
        var tagSet = new SortedSet<(string, string)>(Comparer<(string, string)>.Create(CompareOrdinal));
        var featSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in train)
            foreach (var w in s.Words)
            {
                tagSet.Add((w.Upos, w.Xpos));
                featSet.Add(w.Feats);
            }
        var tagList = tagSet.ToArray();
        var upos = tagList.Select(t => t.Item1).ToArray();
        var xpos = tagList.Select(t => t.Item2).ToArray();
        var feats = featSet.ToArray();
        var tagId = new Dictionary<(string, string), int>();
        for (int i = 0; i < tagList.Length; i++) tagId[tagList[i]] = i;
        var featId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < feats.Length; i++) featId[feats[i]] = i;

        var candidateSets = new SortedSet<int>[tagList.Length];
        for (int i = 0; i < candidateSets.Length; i++) candidateSets[i] = new SortedSet<int>();
        foreach (var s in train)
            foreach (var w in s.Words)
                candidateSets[tagId[(w.Upos, w.Xpos)]].Add(featId[w.Feats]);
        var candidates = candidateSets.Select(c => c.ToArray()).ToArray();

        var dictionary = TagDictionary.Build(
            train.SelectMany(s => s.Words.Select((w, i) => (w.Form, tagId[(w.Upos, w.Xpos)], i == 0))), options.AmbiguityMinCount, options.LexiconDirectory);
        log?.WriteLine($"tagger: {train.Count:N0} sentences, {tagList.Length} tags, {feats.Length} feature bundles, " +
                       $"{dictionary.AmbiguityEntries:N0} ambiguity classes, {dictionary.LexiconEntries:N0} lexicon words");

        var data = new TrainingSentence[train.Count];
        for (int s = 0; s < train.Count; s++)
        {
            var words = train[s].Words;
            var infos = new WordInfo[words.Count + 4];
            var forms = words.Select(w => w.Form).ToArray();
            Prepare(forms, infos, dictionary);
            var gold = new int[words.Count];
            var goldFeats = new int[words.Count];
            for (int i = 0; i < words.Count; i++)
            {
                gold[i] = tagId[(words[i].Upos, words[i].Xpos)];
                goldFeats[i] = featId[words[i].Feats];
            }
            data[s] = new TrainingSentence(infos, gold, goldFeats, TagFeatures.SentenceStyle(forms));
        }

        // The feature model learns from gold tags, so it does not depend on the tag models; training it first lets
        // the log show what the second pass adds.
        var roles = new TagRoles(upos, xpos);
        var featsModel = TrainFeatsModel(data, candidates, roles, options, log);
        var all = Enumerable.Range(0, data.Length).ToArray();
        var pass1 = TrainTagModel(data, all, null, tagList.Length, options, options.Seed, log, "pass1");
        if (dev != null && dev.Count > 0 && options.SecondPass)
        {
            var firstOnly = new PosTagger(upos, xpos, feats, candidates, dictionary, pass1, null, featsModel);
            log?.WriteLine($"tagger: dev after pass1 only: {TaggerEvaluation.Evaluate(firstOnly, null, dev)}");
        }
        PerceptronModel? pass2 = null;
        if (options.SecondPass)
        {
            int folds = Math.Max(2, options.JackknifeFolds);
            var firstPass = new int[data.Length][];
            for (int fold = 0; fold < folds; fold++)
            {
                var trainPart = all.Where(i => i % folds != fold).ToArray();
                var model = TrainTagModel(data, trainPart, null, tagList.Length, options, options.Seed + fold + 1, null, null);
                foreach (int i in all.Where(i => i % folds == fold))
                {
                    var tags = new int[data[i].Gold.Length];
                    Decode(model, data[i].Words, tags, ReadOnlySpan<int>.Empty, data[i].Style, Scratch.For(tags.Length, tagList.Length));
                    firstPass[i] = tags;
                }
                log?.WriteLine($"tagger: jackknife fold {fold + 1}/{folds} done");
            }
            pass2 = TrainTagModel(data, all, firstPass, tagList.Length, options, options.Seed + 100, log, "pass2");
        }

        var tagger = new PosTagger(upos, xpos, feats, candidates, dictionary, pass1, pass2, featsModel);
        log?.WriteLine($"tagger: trained in {(DateTime.UtcNow - started).TotalSeconds:F0} s; {tagger.Describe()}");
        if (dev != null && dev.Count > 0)
        {
            var scores = TaggerEvaluation.Evaluate(tagger, null, dev);
            log?.WriteLine($"tagger: dev {scores}");
        }
        return tagger;
    }

    private static int CompareOrdinal((string, string) a, (string, string) b)
    {
        int c = string.CompareOrdinal(a.Item1, b.Item1);
        return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
    }

    private sealed record TrainingSentence(WordInfo[] Words, int[] Gold, int[] GoldFeats, ulong Style);

    private static PerceptronModel TrainTagModel(TrainingSentence[] data, int[] subset, int[][]? right, int classes,
        TaggerOptions options, int seed, TextWriter? log, string? name)
    {
        if (options.EnsembleSize <= 1 || name == null)
            return TrainOneTagModel(data, subset, right, classes, options, seed, log, name).Finish(options.MinWeight);
        var members = new List<PerceptronModel>();
        for (int e = 0; e < options.EnsembleSize; e++)
            members.Add(TrainOneTagModel(data, subset, right, classes, options, seed + 7919 * e, log, $"{name}[{e + 1}]").Finish(0));
        return PerceptronModel.Average(members, options.MinWeight);
    }

    private static AveragedPerceptron TrainOneTagModel(TrainingSentence[] data, int[] subset, int[][]? right, int classes,
        TaggerOptions options, int seed, TextWriter? log, string? name)
    {
        var perceptron = new AveragedPerceptron(classes);
        var rng = new Random(seed);
        var order = (int[])subset.Clone();
        var features = new ulong[TagFeatures.MaxFeatures];
        var scores = new float[classes];
        for (int epoch = 1; epoch <= options.Iterations; epoch++)
        {
            rng.Shuffle(order);
            int errors = 0, total = 0;
            foreach (int s in order)
            {
                var sentence = data[s];
                var predicted = new int[sentence.Gold.Length];
                var rightTags = right == null ? ReadOnlySpan<int>.Empty : right[s];
                for (int i = 0; i < predicted.Length; i++)
                {
                    // Frequent unambiguous words are tagged without the model at run time, so training skips them too.
                    if (sentence.Words[i + 2].SureTag >= 0) { predicted[i] = sentence.Words[i + 2].SureTag; continue; }
                    int k = TagFeatures.Extract(sentence.Words, i, predicted, rightTags, sentence.Style, features);
                    var fs = features.AsSpan(0, k);
                    perceptron.Score(fs, scores);
                    int guess = ArgMax(scores);
                    int gold = sentence.Gold[i];
                    if (guess != gold) { errors++; perceptron.Update(fs, gold, guess); }
                    perceptron.Tick();
                    predicted[i] = guess;
                    total++;
                }
            }
            if (name != null)
                log?.WriteLine($"tagger: {name} epoch {epoch}: train accuracy {100.0 * (total - errors) / total:F2}%, {perceptron.Rows:N0} features");
        }
        return perceptron;
    }

    private static PerceptronModel TrainFeatsModel(TrainingSentence[] data, int[][] candidates, TagRoles roles, TaggerOptions options, TextWriter? log)
    {
        // Classes are positions in the tag's candidate list; every feats feature is conjoined with the tag, so
        // position k of one tag and of another never share weights by accident.
        int classes = candidates.Max(c => c.Length);
        var perceptron = new AveragedPerceptron(classes);
        var rng = new Random(options.Seed + 1000);
        var order = Enumerable.Range(0, data.Length).ToArray();
        var features = new ulong[FeatsFeatures.MaxFeatures];
        var scores = new float[classes];
        for (int epoch = 1; epoch <= options.FeatsIterations; epoch++)
        {
            rng.Shuffle(order);
            int errors = 0, total = 0;
            foreach (int s in order)
            {
                var sentence = data[s];
                for (int i = 0; i < sentence.Gold.Length; i++)
                {
                    var cand = candidates[sentence.Gold[i]];
                    if (cand.Length == 1) continue;
                    int gold = Array.IndexOf(cand, sentence.GoldFeats[i]);
                    var (subject, aux) = roles.Cues(sentence.Words, sentence.Gold, i);
                    int k = FeatsFeatures.Extract(sentence.Words, i, sentence.Gold, subject, aux, features);
                    var fs = features.AsSpan(0, k);
                    perceptron.Score(fs, scores);
                    int guess = ArgMax(scores.AsSpan(0, cand.Length));
                    if (guess != gold) { errors++; perceptron.Update(fs, gold, guess); }
                    perceptron.Tick();
                    total++;
                }
            }
            log?.WriteLine($"tagger: feats epoch {epoch}: train accuracy {100.0 * (total - errors) / Math.Max(1, total):F2}% on ambiguous words");
        }
        return perceptron.Finish(options.MinWeight);
    }

    // ---------------------------------------------------------------- persistence

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        w.Write(_upos.Length);
        for (int i = 0; i < _upos.Length; i++) { w.Write(_upos[i]); w.Write(_xpos[i]); }
        w.Write(_feats.Length);
        foreach (var f in _feats) w.Write(f);
        foreach (var c in _featsCandidates)
        {
            w.Write7BitEncodedInt(c.Length);
            foreach (var id in c) w.Write7BitEncodedInt(id);
        }
        _dictionary.Write(w);
        _pass1.Write(w);
        w.Write(_pass2 != null);
        _pass2?.Write(w);
        _featsModel.Write(w);
    }

    public static PosTagger Load(Stream stream)
    {
        const string name = "tagger model";
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = Encoding.ASCII.GetString(r.ReadBytes(Magic.Length));
        if (magic != Magic) throw new InvalidDataException($"{name}: not a Dyad tagger model (bad header)");
        int version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"{name}: format version {version}, expected {FormatVersion}");
        int tags = r.ReadInt32();
        var upos = new string[tags];
        var xpos = new string[tags];
        for (int i = 0; i < tags; i++) { upos[i] = r.ReadString(); xpos[i] = r.ReadString(); }
        int featCount = r.ReadInt32();
        var feats = new string[featCount];
        for (int i = 0; i < featCount; i++) feats[i] = r.ReadString();
        var candidates = new int[tags][];
        for (int t = 0; t < tags; t++)
        {
            candidates[t] = new int[r.Read7BitEncodedInt()];
            for (int j = 0; j < candidates[t].Length; j++)
            {
                int id = r.Read7BitEncodedInt();
                if ((uint)id >= (uint)featCount) throw new InvalidDataException($"{name}: feature bundle id out of range");
                candidates[t][j] = id;
            }
        }
        var dictionary = TagDictionary.Read(r);
        var pass1 = PerceptronModel.Read(r, name);
        var pass2 = r.ReadBoolean() ? PerceptronModel.Read(r, name) : null;
        var featsModel = PerceptronModel.Read(r, name);
        return new PosTagger(upos, xpos, feats, candidates, dictionary, pass1, pass2, featsModel);
    }

    public static PosTagger Load(string path)
    {
        using var stream = File.OpenRead(path);
        try { return Load(stream); }
        catch (EndOfStreamException) { throw new InvalidDataException($"{path}: tagger model is truncated"); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Per-thread buffers so tagging allocates only its output.</summary>
    private sealed class Scratch
    {
        [ThreadStatic] private static Scratch? _current;
        public WordInfo[] Words = [];
        public int[] Tags = [];
        public int[] FirstPass = [];
        public int[] FeatIds = [];
        public float[] Scores = [];
        public readonly ulong[] Features = new ulong[Math.Max(TagFeatures.MaxFeatures, FeatsFeatures.MaxFeatures)];
        public readonly ulong[] Ahead = new ulong[Math.Max(TagFeatures.MaxFeatures, FeatsFeatures.MaxFeatures)];

        public static Scratch For(int words, int classes)
        {
            var s = _current ??= new Scratch();
            if (s.Words.Length < words + 4)
            {
                int size = BitOperations.RoundUpToPowerOf2((uint)(words + 4)) is var p and > 0 ? (int)p : words + 4;
                s.Words = new WordInfo[size];
                s.Tags = new int[size];
                s.FirstPass = new int[size];
                s.FeatIds = new int[size];
            }
            if (s.Scores.Length < classes) s.Scores = new float[classes];
            return s;
        }
    }
}
