using System.IO.Compression;
using System.Text;
using Dyad.Nlp.Features;
using Dyad.Text;

namespace Dyad.Nlp.Ner;

/// <summary>One training or evaluation sentence: token forms and gold entity spans.</summary>
public sealed record NerExample(string[] Tokens, EntitySpan[] Entities)
{
    public static NerExample From(IobSentence sentence) => new(sentence.Tokens, sentence.GoldSpans());
}

/// <summary>Settings for <see cref="EntityRecognizer.Train"/>.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 12;
    public int Seed { get; init; } = 1;
    /// <summary>Extra training copies given a news dateline prefix (see <see cref="DatelineAugmenter"/>); 0 turns it off.</summary>
    public int DatelineCopies { get; init; } = 800;
    /// <summary>
    /// Extra training copies of sentences with entities, all lower case (see <see cref="CaseAugmenter"/>); 0 turns it
    /// off. Off by default: 1,500 copies raised UNER EWT dev F1 but made news names in capitals less certain
    /// ("Xi Jinping", "Uzbekistan" went untagged; models/NER.md).
    /// </summary>
    public int LowercaseCopies { get; init; }
    /// <summary>Extra training copies of sentences with entities, all capitals; 0 (default) turns it off.</summary>
    public int UppercaseCopies { get; init; }
    /// <summary>Models trained with seeds Seed, Seed+1, ... whose weights are averaged into the result.</summary>
    public int EnsembleSize { get; init; } = 1;
    /// <summary>
    /// Fixed O-label penalty (see <see cref="SequenceModel.OutsidePenalty"/>); null tunes it on the dev set, or leaves
    /// it at 0 without one. For a final model trained without a dev set, pass the value tuned in a run with one.
    /// </summary>
    public float? OutsidePenalty { get; init; }
    /// <summary>Word clusters whose path prefixes become features (stored in the model); null for none.</summary>
    public WordClusters? Clusters { get; init; }
    /// <summary>Progress lines (epoch, dev F1); null for silence.</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>
/// Named-entity recognizer for PER, ORG and LOC: an averaged-perceptron BILOU sequence labeller with Viterbi
/// decoding over word, shape, affix, context and gazetteer features. Also marks nationality adjectives
/// (<see cref="Sentence.Demonyms"/>). Thread-safe for recognition.
/// </summary>
public sealed class EntityRecognizer
{
    private const string Magic = "DYAD-NER";
    private const int FormatVersion = 2; // 2: optional word clusters after the gazetteer

    private readonly SequenceModel _model;
    private readonly ClusterIndex? _clusters;
    [ThreadStatic] private static (EntityRecognizer Owner, NerFeatures Features)? t_features;

    private EntityRecognizer(SequenceModel model, Gazetteer gazetteer, ClusterIndex? clusters)
    {
        _model = model;
        Gazetteer = gazetteer;
        _clusters = clusters;
    }

    /// <summary>The word clusters the model's features use, or null.</summary>
    public WordClusters? Clusters => _clusters?.Clusters;

    public Gazetteer Gazetteer { get; }

    /// <summary>Number of weight rows (features that carry weight); for model cards and tests.</summary>
    public int FeatureCount => _model.RowCount;

    /// <summary>
    /// Trains on <paramref name="train"/>; when <paramref name="dev"/> is given, keeps the epoch with the best dev span F1.
    /// Deterministic for a given seed.
    /// </summary>
    public static EntityRecognizer Train(IReadOnlyList<NerExample> train, IReadOnlyList<NerExample>? dev, Gazetteer gazetteer, NerTrainingOptions? options = null)
    {
        options ??= new NerTrainingOptions();
        if (options.LowercaseCopies + options.UppercaseCopies > 0)
            train = CaseAugmenter.Augment(train, options.LowercaseCopies, options.UppercaseCopies, options.Seed);
        if (options.DatelineCopies > 0) train = DatelineAugmenter.Augment(train, options.DatelineCopies, options.Seed);
        var clusters = options.Clusters == null ? null : new ClusterIndex(options.Clusters);
        if (options.EnsembleSize <= 1) return TrainOne(train, dev, gazetteer, clusters, options);
        // Members are independent (own seed, own weights; the gazetteer is only read), so they train in parallel;
        // each is deterministic and they are averaged in seed order, so the result does not depend on scheduling.
        var members = new SequenceModel[options.EnsembleSize];
        var log = options.Log == null ? null : TextWriter.Synchronized(options.Log);
        Parallel.For(0, members.Length, k =>
        {
            log?.WriteLine($"ensemble member {k + 1} of {options.EnsembleSize} (seed {options.Seed + k})");
            members[k] = TrainOne(train, dev, gazetteer, clusters, options with { Seed = options.Seed + k, Log = log })._model;
        });
        var ensemble = new EntityRecognizer(SequenceModel.Mean(members), gazetteer, clusters);
        if (dev != null) options.Log?.WriteLine($"ensemble: dev F1 {100 * ensemble.Evaluate(dev).Overall.F1:F2}");
        ensemble.SetOutsidePenalty(dev, options);
        return ensemble;
    }

    private static EntityRecognizer TrainOne(IReadOnlyList<NerExample> train, IReadOnlyList<NerExample>? dev, Gazetteer gazetteer, ClusterIndex? clusters, NerTrainingOptions options)
    {
        var model = new SequenceModel(1 << 16);
        model.BeginTraining();
        var features = new NerFeatures(gazetteer, clusters);
        var order = new int[train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var random = new Random(options.Seed);
        EntityRecognizer? best = null;
        double bestF1 = -1;
        var predicted = new int[256];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int mistakes = 0;
            foreach (int index in order)
            {
                var example = train[index];
                int n = example.Tokens.Length;
                if (n == 0) continue;
                if (predicted.Length < n) predicted = new int[n * 2];
                features.Compute(example.Tokens);
                var gold = EntityLabels.FromSpans(n, example.Entities);
                model.Decode(features, predicted);
                if (!gold.AsSpan().SequenceEqual(predicted.AsSpan(0, n)))
                {
                    mistakes++;
                    model.Learn(features, gold, predicted.AsSpan(0, n));
                }
                model.NextStep();
            }
            var candidate = new EntityRecognizer(model.Averaged(), gazetteer, clusters);
            if (dev == null)
            {
                best = candidate;
                options.Log?.WriteLine($"epoch {epoch}: {mistakes} sentences wrong");
                continue;
            }
            double f1 = candidate.Evaluate(dev).Overall.F1;
            options.Log?.WriteLine($"epoch {epoch}: {mistakes} sentences wrong, dev F1 {100 * f1:F2}");
            if (f1 > bestF1) { bestF1 = f1; best = candidate; }
        }
        best ??= new EntityRecognizer(model.Averaged(), gazetteer, clusters);
        best.SetOutsidePenalty(dev, options);
        return best;
    }

    private void SetOutsidePenalty(IReadOnlyList<NerExample>? dev, NerTrainingOptions options)
    {
        if (options.OutsidePenalty is { } fixedPenalty)
        {
            _model.OutsidePenalty = fixedPenalty;
            options.Log?.WriteLine($"O penalty {fixedPenalty:F2} (fixed)");
        }
        else if (dev != null) TuneOutsidePenalty(dev, options.Log);
    }

    /// <summary>Picks the O-label penalty with the best development F1 (the training loss never sees it).</summary>
    private void TuneOutsidePenalty(IReadOnlyList<NerExample> dev, TextWriter? log)
    {
        float bestPenalty = 0;
        double bestF1 = Evaluate(dev).Overall.F1;
        foreach (float penalty in (float[])[-0.5f, -0.2f, 0.05f, 0.1f, 0.2f, 0.35f, 0.5f, 0.75f, 1f, 1.5f, 2f, 3f, 4f, 5f, 6.5f, 8f])
        {
            _model.OutsidePenalty = penalty;
            double f1 = Evaluate(dev).Overall.F1;
            if (f1 > bestF1 + 1e-9) { bestF1 = f1; bestPenalty = penalty; }
        }
        _model.OutsidePenalty = bestPenalty;
        log?.WriteLine($"O penalty {bestPenalty:F2}: dev F1 {100 * bestF1:F2}");
    }

    /// <summary>Entity spans of a tokenized sentence.</summary>
    public EntitySpan[] Recognize(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0) return [];
        var features = FeaturesForThread();
        features.Compute(tokens);
        var labels = tokens.Count <= 256 ? stackalloc int[tokens.Count] : new int[tokens.Count];
        _model.Decode(features, labels);
        return EntityLabels.ToSpans(labels);
    }

    /// <summary>Fills <see cref="Sentence.Entities"/> and <see cref="Sentence.Demonyms"/> from the tokens' normalized forms.</summary>
    public void Recognize(Sentence sentence)
    {
        var tokens = new string[sentence.Count];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = sentence.Tokens[i].Norm;
        sentence.Entities = Recognize(tokens);
        sentence.Demonyms = Demonyms(tokens);
    }

    /// <summary>
    /// Entity spans of each sentence of one document, made consistent across the document
    /// (<see cref="DocumentConsistency"/>).
    /// </summary>
    public EntitySpan[][] RecognizeDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var spans = new EntitySpan[sentences.Count][];
        for (int s = 0; s < spans.Length; s++) spans[s] = Recognize(sentences[s]);
        DocumentConsistency.Apply(sentences, spans);
        return spans;
    }

    /// <summary>Fills <see cref="Sentence.Entities"/> (document-consistent) and <see cref="Sentence.Demonyms"/> of every sentence.</summary>
    public void Recognize(AnnotatedDocument document)
    {
        var sentences = new string[document.Sentences.Count][];
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            sentences[s] = new string[sentence.Count];
            for (int i = 0; i < sentence.Count; i++) sentences[s][i] = sentence.Tokens[i].Norm;
        }
        var spans = RecognizeDocument(sentences);
        for (int s = 0; s < sentences.Length; s++)
        {
            document.Sentences[s].Entities = spans[s];
            document.Sentences[s].Demonyms = Demonyms(sentences[s]);
        }
    }

    /// <summary>Per token, the country or group code of a demonym ("Chinese" -> "CHN"), else null.</summary>
    public string?[] Demonyms(IReadOnlyList<string> tokens)
    {
        var codes = new string?[tokens.Count];
        Gazetteer.MatchDemonyms(tokens, codes);
        return codes;
    }

    public SpanScores Evaluate(IReadOnlyList<NerExample> examples)
    {
        var scores = new SpanScores();
        foreach (var example in examples) scores.Add(example.Entities, Recognize(example.Tokens));
        return scores;
    }

    private NerFeatures FeaturesForThread()
    {
        if (t_features is { } cached && ReferenceEquals(cached.Owner, this)) return cached.Features;
        var features = new NerFeatures(Gazetteer, _clusters);
        t_features = (this, features);
        return features;
    }

    /// <summary>Writes the model (weights and gazetteer), Brotli-compressed after a plain header.</summary>
    public void Save(Stream stream)
    {
        using (var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(Magic);
            header.Write(FormatVersion);
        }
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8);
        writer.Write(EntityLabels.Types.Length);
        foreach (var type in EntityLabels.Types) writer.Write(type);
        Gazetteer.Write(writer);
        var clusterEntries = _clusters == null ? [] : _clusters.Clusters.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.Write(clusterEntries.Count);
        foreach (var (word, path) in clusterEntries) { writer.Write(word); writer.Write(path); }
        _model.Write(writer);
    }

    public static EntityRecognizer Load(Stream stream)
    {
        int version;
        using (var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            string magic;
            try { magic = header.ReadString(); }
            catch (EndOfStreamException) { throw new InvalidDataException("Not a Dyad NER model: the stream is empty or truncated."); }
            if (magic != Magic) throw new InvalidDataException("Not a Dyad NER model (bad header).");
            version = header.ReadInt32();
            if (version is not (1 or FormatVersion)) throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion}).");
        }
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(brotli, Encoding.UTF8);
        int typeCount = reader.ReadInt32();
        for (int i = 0; i < typeCount; i++)
        {
            string type = reader.ReadString();
            if (i >= EntityLabels.Types.Length || type != EntityLabels.Types[i])
                throw new InvalidDataException($"NER model entity type {i} is '{type}'; this build expects {string.Join(", ", EntityLabels.Types)}.");
        }
        var gazetteer = Gazetteer.Read(reader);
        ClusterIndex? clusters = null;
        if (version >= 2 && reader.ReadInt32() is var clusterCount and > 0)
        {
            var paths = new Dictionary<string, string>(clusterCount, StringComparer.Ordinal);
            for (int i = 0; i < clusterCount; i++) paths[reader.ReadString()] = reader.ReadString();
            clusters = new ClusterIndex(new WordClusters(paths));
        }
        var model = SequenceModel.Read(reader);
        return new EntityRecognizer(model, gazetteer, clusters);
    }

    public static EntityRecognizer Load(string path)
    {
        using var stream = File.OpenRead(path);
        try { return Load(stream); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }
}
