namespace Dyad.Nlp.Parsing;

/// <summary>Training settings for <see cref="DependencyParser"/>; the defaults are the ones the shipped model uses.</summary>
public sealed record ParserOptions
{
    /// <summary>Passes over the training set; the pass scoring best on dev is kept.</summary>
    public int Iterations { get; init; } = 15;
    public int Seed { get; init; } = 1;
    /// <summary>Beam width; 1 trains and parses greedily with a dynamic oracle, larger widths use global training with max-violation updates.</summary>
    public int BeamWidth { get; init; } = 1;
    /// <summary>Beam width during global training (0 = <see cref="BeamWidth"/>); a wider training beam finds violations later in the sentence.</summary>
    public int TrainBeamWidth { get; init; }
    /// <summary>Relabel the finished tree with a second labeller that sees the whole tree (<see cref="TreeRelabeller"/>).</summary>
    public bool TreeRelabeller { get; init; }
    /// <summary>
    /// Score margin by which the relabeller must prefer its label before overriding the in-beam one; null chooses it
    /// on dev (0 when there is no dev set, i.e. it always overrides).
    /// </summary>
    public float? RelabelMargin { get; init; }
    /// <summary>log2 of the number of hashed feature rows for move scoring.</summary>
    public int MoveBits { get; init; } = 22;
    /// <summary>log2 of the number of hashed feature rows for label scoring.</summary>
    public int LabelBits { get; init; } = 18;
    /// <summary>From this pass on, the parser follows its own mistakes during training (dynamic-oracle exploration).</summary>
    public int ExploreFromIteration { get; init; } = 2;
    /// <summary>Chance of following a wrong predicted move instead of the best correct one once exploring.</summary>
    public double ExploreProbability { get; init; } = 0.9;
    /// <summary>Words rarer than this in training are treated as unknown.</summary>
    public int MinWordCount { get; init; } = 2;
    /// <summary>
    /// Number of parsers trained with seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, ... (different example orders)
    /// whose weights are averaged into the model; each keeps its last pass. 1 trains a single parser.
    /// </summary>
    public int EnsembleSize { get; init; } = 1;
}
