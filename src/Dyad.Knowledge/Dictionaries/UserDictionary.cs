namespace Dyad.Knowledge.Dictionaries;

/// <summary>
/// A user dictionary in TSV: NAME &lt;TAB&gt; CODE [&lt;TAB&gt; FROM [&lt;TAB&gt; TO]], '#' comments, blank lines ignored.
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

    public static UserDictionary Load(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static UserDictionary Read(TextReader reader, string fileName)
    {
        var dict = new UserDictionary();
        var rows = new List<(string Key, DatedCode Code, SourceLocation Where)>();
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
            var key = PhraseNormalizer.Normalize(cols[0]);
            if (key.Length == 0) { dict.Error(where, $"name '{cols[0].Trim()}' has no words"); continue; }
            var code = cols[1].Trim().ToUpperInvariant();
            if (code.Length == 0) { dict.Error(where, "empty code"); continue; }
            if (code[0] == '~' || code[^1] == '~')
            {
                var bare = code.Trim('~');
                if (bare.Length == 0 || !bare.All(char.IsAsciiLetterOrDigit)) { dict.Error(where, $"agent code '{code}' must be letters and digits"); continue; }
                dict._agents.Add(new AgentEntry(key, key, EntryRule.User, where, bare, code[0] == '~' ? AgentPosition.Suffix : AgentPosition.Prefix));
                continue;
            }
            if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-')) { dict.Error(where, $"code '{code}' must be letters, digits or '/'"); continue; }
            DateOnly? from = null, to = null;
            if (cols.Length > 2 && !TryDate(cols[2], out from)) { dict.Error(where, $"bad FROM date '{cols[2].Trim()}' (expected YYYY-MM-DD)"); continue; }
            if (cols.Length > 3 && !TryDate(cols[3], out to)) { dict.Error(where, $"bad TO date '{cols[3].Trim()}' (expected YYYY-MM-DD)"); continue; }
            if (from != null && to != null && to < from) { dict.Error(where, $"interval ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})"); continue; }
            rows.Add((key, new DatedCode(code, new DateInterval(from, to), where), where));
        }
        foreach (var group in rows.GroupBy(r => r.Key))
        {
            DatedCode? def = null;
            var restrictions = new List<DatedCode>();
            foreach (var (_, dated, where) in group)
            {
                if (!dated.When.IsAlways) restrictions.Add(dated);
                else if (def == null) def = dated;
                else dict.Warn(where, $"second undated code for '{group.Key}'; the first (line {def.Source.Line}) is kept");
            }
            var first = group.First().Where;
            dict._actors.Add(new ActorEntry(group.Key, group.Key, EntryRule.User, first, def, restrictions));
        }
        return dict;
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

    private void Error(SourceLocation where, string message) => _problems.Add(new DictionaryProblem(where, ProblemSeverity.Error, message));
    private void Warn(SourceLocation where, string message) => _problems.Add(new DictionaryProblem(where, ProblemSeverity.Warning, message));
}
