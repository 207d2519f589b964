using Dyad.Text.Evaluation;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// The gold events of one text against the events the coder produced from it, at the three levels of
/// docs/evaluation.md: full triples, root code with actor countries, and "has an event".
/// </summary>
public sealed class EventComparison
{
    public EventComparison(string id, string text, IReadOnlyList<EventTriple> expected, IReadOnlyList<CodedEvent> got, string? category = null)
    {
        Id = id;
        Text = text;
        Category = category;
        Expected = expected;
        Got = got;
        var gotTriples = new EventTriple[got.Count];
        for (int i = 0; i < got.Count; i++) gotTriples[i] = EventTriple.Of(got[i]);
        Full = MultisetMatch<EventTriple>.Of(expected, gotTriples);
        Coarse = MultisetMatch<EventTriple>.Of(Coarsen(expected), Coarsen(gotTriples));
        bool goldHas = expected.Count > 0, gotHas = got.Count > 0;
        HasEvent = new SpanScore(goldHas ? 1 : 0, gotHas ? 1 : 0, goldHas && gotHas ? 1 : 0);
        Mismatches = Mismatch.Classify(Full.Missing, Full.Extra);
    }

    public string Id { get; }
    public string Text { get; }
    /// <summary>The gold set's own grouping of the text (PETRARCH's record category), or null.</summary>
    public string? Category { get; }
    public IReadOnlyList<EventTriple> Expected { get; }
    public IReadOnlyList<CodedEvent> Got { get; }
    /// <summary>Level (b): full event code and full actor codes.</summary>
    public MultisetMatch<EventTriple> Full { get; }
    /// <summary>Level (a): root code and the actors' first three letters.</summary>
    public MultisetMatch<EventTriple> Coarse { get; }
    /// <summary>Level (c): one gold/predicted/correct unit for the text as a whole.</summary>
    public SpanScore HasEvent { get; }
    public IReadOnlyList<Mismatch> Mismatches { get; }
    /// <summary>Per-token parse and actor notes (<see cref="ParseExplanation"/>) when requested, else null.</summary>
    public IReadOnlyList<string>? Parse { get; init; }
    /// <summary>Likely reasons for a text not coded exactly (<see cref="FailureCauses"/>), set once it is diagnosed (it needs the
    /// parse); else null.</summary>
    public IReadOnlyList<FailureCause>? Causes { get; set; }

    private static EventTriple[] Coarsen(IReadOnlyList<EventTriple> triples)
    {
        var coarse = new EventTriple[triples.Count];
        for (int i = 0; i < triples.Count; i++) coarse[i] = triples[i].RootAndCountries();
        return coarse;
    }
}

/// <summary>Sums <see cref="EventComparison"/>s over a gold set (micro-averaged: counts are added, then divided).</summary>
public sealed class EventScoreboard
{
    private readonly Dictionary<MismatchKind, int> _mismatches = [];
    private readonly SortedDictionary<string, (int Exact, int Total)> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<FailureCause, (int First, int All)> _causes = [];

    public int Texts { get; private set; }
    /// <summary>Texts whose coded triples equal their gold triples as multisets (no event expected and none coded counts).</summary>
    public int Exact { get; private set; }
    public SpanScore Full { get; private set; }
    public SpanScore Coarse { get; private set; }
    public SpanScore HasEvent { get; private set; }
    public IReadOnlyDictionary<MismatchKind, int> Mismatches => _mismatches;
    public IReadOnlyDictionary<string, (int Exact, int Total)> Categories => _categories;
    /// <summary>Per cause: texts where it is the first cause found, and texts where it is found at all.</summary>
    public IReadOnlyDictionary<FailureCause, (int First, int All)> Causes => _causes;

    public void Add(EventComparison comparison)
    {
        Texts++;
        if (comparison.Full.Exact) Exact++;
        Full += comparison.Full.Counts;
        Coarse += comparison.Coarse.Counts;
        HasEvent += comparison.HasEvent;
        foreach (var m in comparison.Mismatches) _mismatches[m.Kind] = _mismatches.GetValueOrDefault(m.Kind) + 1;
        if (comparison.Causes is { Count: > 0 } causes)
            for (int i = 0; i < causes.Count; i++)
            {
                var (first, all) = _causes.GetValueOrDefault(causes[i]);
                _causes[causes[i]] = (first + (i == 0 ? 1 : 0), all + 1);
            }
        if (comparison.Category is { } category)
        {
            var (exact, total) = _categories.GetValueOrDefault(category);
            _categories[category] = (exact + (comparison.Full.Exact ? 1 : 0), total + 1);
        }
    }

    public double ExactShare => Texts == 0 ? 0 : (double)Exact / Texts;
}
