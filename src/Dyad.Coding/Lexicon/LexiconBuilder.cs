namespace Dyad.Coding.Lexicon;

/// <summary>
/// Collects word classes and entries from one or more dictionaries in load order. A later entry with the same lemma
/// and constraints replaces the earlier one, which is how our extensions and user dictionaries override imports.
/// </summary>
public sealed class LexiconBuilder
{
    private readonly Dictionary<string, HashSet<string>> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _classOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LexiconEntry> _byKey = new(StringComparer.Ordinal);
    private readonly List<LexiconEntry?> _entries = [];
    private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Constraint> _constraints = new(StringComparer.Ordinal);

    public List<LexiconDiagnostic> Diagnostics { get; } = [];

    /// <summary>
    /// Parses a constraint token, sharing one object per distinct token: PETRARCH families repeat each pattern for
    /// every synonym verb, so sharing keeps the 48k-entry lexicon's load time and memory small.
    /// </summary>
    public Constraint? ParseConstraint(string token, out string? error)
    {
        error = null;
        if (_constraints.TryGetValue(token, out var cached)) return cached;
        var parsed = Constraint.Parse(token, _classes, out error);
        if (parsed != null) _constraints[token] = parsed;
        return parsed;
    }

    public IReadOnlyDictionary<string, HashSet<string>> Classes => _classes;

    /// <summary>Class members in the order they were first given.</summary>
    public IReadOnlyDictionary<string, List<string>> ClassMembers => _classOrder;

    /// <summary>Adds words to a class (creating it); the class set is shared with terms already parsed.</summary>
    public void AddClass(string name, IEnumerable<string> words)
    {
        if (!_classes.TryGetValue(name, out var set))
        {
            _classes[name] = set = new HashSet<string>(StringComparer.Ordinal);
            _classOrder[name] = [];
        }
        foreach (var w in words)
            if (set.Add(w))
            {
                _classOrder[name].Add(w);
                var singular = Term.Singular(w);
                if (singular != null) set.Add(singular);
            }
    }

    public void Add(LexiconEntry entry)
    {
        if (_indexByKey.TryGetValue(entry.Key, out int old)) _entries[old] = null;
        _indexByKey[entry.Key] = _entries.Count;
        _byKey[entry.Key] = entry;
        _entries.Add(entry);
    }

    /// <summary>Entries in load order, replaced ones left out.</summary>
    public IEnumerable<LexiconEntry> Entries
    {
        get
        {
            foreach (var e in _entries)
                if (e != null) yield return e;
        }
    }

    public VerbLexicon Build() => new(Entries.ToList(), Diagnostics.ToList());
}
