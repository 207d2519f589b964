namespace Dyad.Knowledge.Dictionaries;

/// <summary>
/// A user dictionary in TSV (or the YAML form, see <see cref="UserDictionaryYaml"/>): NAME &lt;TAB&gt; CODE [&lt;TAB&gt; FROM [&lt;TAB&gt; TO]], '#' comments, blank lines ignored.
/// Dates are YYYY-MM-DD (or PETRARCH's YYMMDD/YYYYMMDD); an empty or missing FROM/TO is open; both ends inclusive.
/// All rows with the same name form one entry: dated rows are restrictions tried in file order, an undated row is the
/// default. A code written "~GOV" or "NGO~" makes the row an agent. See docs/dictionaries.md.
/// </summary>
public sealed class UserDictionary
{
    private readonly List<ActorEntry> _actors = [];
    private readonly List<AgentEntry> _agents = [];
    private readonly List<DictionaryProblem> _problems = [];

    public IReadOnlyList<ActorEntry> Actors => _actors;
    public IReadOnlyList<AgentEntry> Agents => _agents;
    public IReadOnlyList<DictionaryProblem> Problems => _problems;

    /// <summary>Loads a user dictionary: YAML when the name ends in .yaml/.yml, else TSV.</summary>
    public static UserDictionary Load(string path)
    {
        using var reader = new StreamReader(path);
        var name = Path.GetFileName(path);
        return IsYaml(name) ? UserDictionaryYaml.Read(reader, name) : Read(reader, name);
    }

    public static bool IsYaml(string fileName) =>
        fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private readonly List<(string Key, DatedCode Code)> _rows = [];

    /// <summary>Reads the TSV form.</summary>
    public static UserDictionary Read(TextReader reader, string fileName)
    {
        var dict = new UserDictionary();
        int lineNumber = 0;
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            var where = new SourceLocation(fileName, lineNumber);
            var hash = line.IndexOf('#');
            var text = hash >= 0 ? line[..hash] : line;
            if (text.Trim().Length == 0) continue;
            var cols = text.Split('\t');
            if (cols.Length < 2 || cols.Length > 4) { dict.Error(where, $"expected NAME<TAB>CODE[<TAB>FROM[<TAB>TO]], found {cols.Length} column(s)"); continue; }
            dict.AddRow(where, cols[0], cols[1], cols.Length > 2 ? cols[2] : null, cols.Length > 3 ? cols[3] : null);
        }
        dict.Finish();
        return dict;
    }

    /// <summary>Adds one NAME/CODE/FROM/TO row (either form); bad rows become problems at <paramref name="where"/>.</summary>
    internal void AddRow(SourceLocation where, string name, string codeText, string? fromText, string? toText)
    {
        var key = PhraseNormalizer.Normalize(name);
        if (key.Length == 0) { Error(where, $"name '{name.Trim()}' has no words"); return; }
        var code = codeText.Trim().ToUpperInvariant();
        if (code.Length == 0) { Error(where, "empty code"); return; }
        if (code[0] == '~' || code[^1] == '~')
        {
            var bare = code.Trim('~');
            if (bare.Length == 0 || !bare.All(char.IsAsciiLetterOrDigit)) { Error(where, $"agent code '{code}' must be letters and digits"); return; }
            if (fromText != null || toText != null) Warn(where, "agents take no dates; the dates are ignored");
            _agents.Add(new AgentEntry(key, key, EntryRule.User, where, bare, code[0] == '~' ? AgentPosition.Suffix : AgentPosition.Prefix));
            return;
        }
        if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-')) { Error(where, $"code '{code}' must be letters, digits or '/'"); return; }
        DateOnly? from = null, to = null;
        if (fromText != null && !TryDate(fromText, out from)) { Error(where, $"bad FROM date '{fromText.Trim()}' (expected YYYY-MM-DD)"); return; }
        if (toText != null && !TryDate(toText, out to)) { Error(where, $"bad TO date '{toText.Trim()}' (expected YYYY-MM-DD)"); return; }
        if (from != null && to != null && to < from) { Error(where, $"interval ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})"); return; }
        _rows.Add((key, new DatedCode(code, new DateInterval(from, to), where)));
    }

    /// <summary>Groups the rows by name into entries: dated rows in order as restrictions, the undated row as default.</summary>
    internal void Finish()
    {
        foreach (var group in _rows.GroupBy(r => r.Key))
        {
            DatedCode? def = null;
            var restrictions = new List<DatedCode>();
            foreach (var (_, dated) in group)
            {
                if (!dated.When.IsAlways) restrictions.Add(dated);
                else if (def == null) def = dated;
                else Warn(dated.Source, $"second undated code for '{group.Key}'; the first (line {def.Source.Line}) is kept");
            }
            _actors.Add(new ActorEntry(group.Key, group.Key, EntryRule.User, group.First().Code.Source, def, restrictions));
        }
        _rows.Clear();
    }

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        var t = text.Trim();
        if (t.Length == 0) return true;
        if (!DictionaryDate.TryParse(t, out var d)) return false;
        date = d;
        return true;
    }

    internal void Error(SourceLocation where, string message) => _problems.Add(new DictionaryProblem(where, ProblemSeverity.Error, message));
    internal void Warn(SourceLocation where, string message) => _problems.Add(new DictionaryProblem(where, ProblemSeverity.Warning, message));
}
