namespace Dyad.Nlp.Tagging;

/// <summary>Training settings for <see cref="PosTagger"/>. Defaults are the ones the shipped model was trained with.</summary>
public sealed record TaggerOptions
{
    /// <summary>Passes over the training data for the tag models.</summary>
    public int Iterations { get; init; } = 8;
    /// <summary>Passes over the training data for the morphological-feature model.</summary>
    public int FeatsIterations { get; init; } = 6;
    /// <summary>Seed of the sentence shuffling; equal seeds and data give byte-identical models.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>
    /// Re-tag with a second model that also sees the first pass's tags to the right. Its training input comes from
    /// <see cref="JackknifeFolds"/>-fold jackknifing so it learns from realistic (imperfect) first-pass tags.
    /// </summary>
    public bool SecondPass { get; init; } = true;
    public int JackknifeFolds { get; init; } = 4;
    /// <summary>
    /// Tag models are trained this many times on different shuffles and their weights averaged (parameter mixing),
    /// which steadies them at the cost of training time; tagging speed is unaffected.
    /// </summary>
    public int EnsembleSize { get; init; } = 3;
    /// <summary>Words seen at least this often in training get their tag set as a feature.</summary>
    public int AmbiguityMinCount { get; init; } = 3;
    /// <summary>Averaged weights smaller than this are dropped to keep the model small.</summary>
    public float MinWeight { get; init; } = 0.2f;
    /// <summary>Folder holding wordnet-3.0/ and unimorph-eng-verbs/ (e.g. ../shared/data/lexicon), or null.</summary>
    public string? LexiconDirectory { get; init; }
}
