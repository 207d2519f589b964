using System.Globalization;

namespace Dyad.Knowledge.Dictionaries;

/// <summary>An actor phrase found for a name, and the code it gives on the asked date (null when none applies).</summary>
public sealed record ActorMatch(ActorEntry Entry, DatedCode? Code, DateOnly Date)
{
    /// <summary>The individual codes ("ELR/GAL" gives ELR and GAL); empty for no code or the null code "---".</summary>
    public IReadOnlyList<string> Codes =>
        Code == null || Code.Code == "---" ? [] : Code.Code.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Why this code: which dictionary line matched the name, and which rule picked the code for the date.</summary>
    public string Explain()
    {
        var e = Entry;
        var how = e.Rule switch
        {
            EntryRule.Primary => $"actor '{e.Phrase}' at {e.Source}",
            EntryRule.Synonym => $"'{e.Phrase}' at {e.Source}, a synonym of actor '{e.RootPhrase}'",
            EntryRule.User => $"{UserLayerName(e.Source)} entry '{e.Phrase}' at {e.Source}",
            _ => $"'{e.Phrase}' at {e.Source}",
        };
        var date = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Code == null)
            return $"{how}: no code on {date} (none of its {e.Restrictions.Count} date restriction(s) holds and it has no default)";
        if (Code.When.IsAlways)
            return e.Restrictions.Count == 0
                ? $"{how}: code {Code.Code} (undated, line {Code.Source.Line})"
                : $"{how}: default code {Code.Code} from line {Code.Source.Line} (none of its {e.Restrictions.Count} date restriction(s) holds on {date})";
        return $"{how}: code {Code.Code} from line {Code.Source.Line}, restriction {Code.When} holds on {date} (first matching restriction wins)";
    }

    // The shipped list of recent office holders is read like a user dictionary, but a user asking "why" should not be
    // told that a file they never wrote is theirs.
    private static string UserLayerName(SourceLocation source) =>
        Path.GetFileName(source.File) == ModelFiles.RecentOfficials ? "shipped recent-officials list" : "user dictionary";
}

/// <summary>
/// Actor, agent and discard entries indexed by normalized phrase. Lookups take any spelling of a name
/// ("Mike Pompeo", "MIKE_POMPEO", "mike-pompeo") and a date. A user layer replaces the shipped entries of every
/// phrase it defines and adds the rest, without recompiling anything.
/// </summary>
public sealed class ActorDictionary
{
    private readonly Dictionary<string, List<ActorEntry>> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ActorEntry>>.AlternateLookup<ReadOnlySpan<char>> _actorsBySpan;
    private readonly Dictionary<string, List<AgentEntry>> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiscardEntry> _discards = new(StringComparer.Ordinal);
    private readonly List<DictionaryProblem> _problems = [];

    public ActorDictionary() => _actorsBySpan = _actors.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<DictionaryProblem> Problems => _problems;
    public int ActorPhraseCount => _actors.Count;
    public int AgentPhraseCount => _agents.Count;
    public int DiscardCount => _discards.Count;

    public IEnumerable<ActorEntry> Actors => _actors.Values.SelectMany(l => l);
    public IEnumerable<AgentEntry> Agents => _agents.Values.SelectMany(l => l);
    public IEnumerable<DiscardEntry> Discards => _discards.Values;

    public void AddActors(IEnumerable<ActorEntry> entries)
    {
        foreach (var e in entries)
        {
            if (!_actors.TryGetValue(e.Phrase, out var list)) _actors[e.Phrase] = list = [];
            list.Add(e);
        }
    }

    public void AddAgents(IEnumerable<AgentEntry> entries)
    {
        foreach (var e in entries)
        {
            if (!_agents.TryGetValue(e.Phrase, out var list)) _agents[e.Phrase] = list = [];
            list.Add(e);
        }
    }

    public void AddDiscards(IEnumerable<DiscardEntry> entries)
    {
        foreach (var e in entries) _discards.TryAdd(e.Phrase, e);
    }

    public void AddProblems(IEnumerable<DictionaryProblem> problems) => _problems.AddRange(problems);

    /// <summary>Adds a user layer: for each phrase it defines, its entries replace the ones already here.</summary>
    public void Override(UserDictionary user)
    {
        foreach (var group in user.Actors.GroupBy(a => a.Phrase))
            _actors[group.Key] = group.ToList();
        foreach (var group in user.Agents.GroupBy(a => a.Phrase))
            _agents[group.Key] = group.ToList();
        _problems.AddRange(user.Problems);
    }

    /// <summary>Every actor entry for the name, in dictionary order, each with the code valid on <paramref name="date"/>.</summary>
    public IReadOnlyList<ActorMatch> LookupActor(string name, DateOnly date) => LookupActorKey(PhraseNormalizer.Normalize(name), date);

    /// <summary>As <see cref="LookupActor(string, DateOnly)"/> for a token sequence.</summary>
    public IReadOnlyList<ActorMatch> LookupActor(IEnumerable<string> tokens, DateOnly date) => LookupActorKey(PhraseNormalizer.NormalizeTokens(tokens), date);

    private IReadOnlyList<ActorMatch> LookupActorKey(string key, DateOnly date)
    {
        if (!_actors.TryGetValue(key, out var list)) return [];
        var result = new ActorMatch[list.Count];
        for (int i = 0; i < list.Count; i++) result[i] = new ActorMatch(list[i], list[i].CodeOn(date), date);
        return result;
    }

    /// <summary>
    /// Allocation-free form for hot paths: the entries of a name (any spelling), in dictionary order, or false.
    /// Resolve the date with <see cref="ActorEntry.CodeOn"/>.
    /// </summary>
    public bool TryGetActorEntries(ReadOnlySpan<char> name, out IReadOnlyList<ActorEntry> entries)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length * 2 + 1] : new char[name.Length * 2 + 1];
        int n = PhraseNormalizer.Normalize(name, buffer);
        if (_actorsBySpan.TryGetValue(buffer[..n], out var list)) { entries = list; return true; }
        entries = [];
        return false;
    }

    /// <summary>The first match that gives a code on the date (dictionary order), or null.</summary>
    public ActorMatch? ResolveActor(string name, DateOnly date)
    {
        foreach (var m in LookupActor(name, date)) if (m.Code != null) return m;
        return null;
    }

    public IReadOnlyList<AgentEntry> LookupAgent(string name) =>
        _agents.TryGetValue(PhraseNormalizer.Normalize(name), out var list) ? list : [];

    public DiscardEntry? LookupDiscard(string phrase) =>
        _discards.TryGetValue(PhraseNormalizer.Normalize(phrase), out var d) ? d : null;
}
