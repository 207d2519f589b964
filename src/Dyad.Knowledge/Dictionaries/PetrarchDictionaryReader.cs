using System.Text;

namespace Dyad.Knowledge.Dictionaries;

/// <summary>
/// Reads PETRARCH/TABARI-format actor, agent and discard dictionaries. A malformed line is reported as a
/// <see cref="DictionaryProblem"/> with its file and line and skipped; every other line still loads.
/// Comments: '#' to end of line, ';' after a blank (TABARI's "; CountryInfo.txt" notes), and &lt;!-- ... --&gt; blocks.
/// </summary>
public sealed class PetrarchDictionaryReader
{
    private readonly List<DictionaryProblem> _problems = [];

    public IReadOnlyList<DictionaryProblem> Problems => _problems;

    // ---------------------------------------------------------------- actors

    private sealed class ActorRecord(string rootRaw, string root, SourceLocation source)
    {
        public string RootRaw { get; } = rootRaw;
        public string Root { get; } = root;
        public SourceLocation Source { get; } = source;
        public List<(string Phrase, SourceLocation Source)> Synonyms { get; } = [];
        public DatedCode? Default { get; set; }
        public List<DatedCode> Restrictions { get; } = [];
    }

    /// <summary>Reads an actors dictionary: primary phrases with optional [code], '+' synonyms, and indented [code date] lines.</summary>
    public List<ActorEntry> ReadActors(TextReader reader, string fileName)
    {
        var entries = new List<ActorEntry>();
        ActorRecord? record = null;
        foreach (var (lineNumber, raw, text) in Lines(reader))
        {
            var where = new SourceLocation(fileName, lineNumber);
            var trimmed = text.Trim();
            if (trimmed.Length == 0) continue;
            bool indented = char.IsWhiteSpace(raw[0]);
            if (trimmed[0] == '[')
            {
                if (!indented) Warn(where, "code line without a leading tab; read as a date restriction of the record above");
                if (record == null) { Error(where, "code line before any actor phrase"); continue; }
                ReadCodes(trimmed, record, where);
            }
            else if (trimmed[0] == '+')
            {
                if (record == null) { Error(where, "synonym line before any actor phrase"); continue; }
                var (phrase, rest) = SplitPhrase(trimmed[1..]);
                var key = PhraseNormalizer.Normalize(phrase);
                if (key.Length == 0) { Error(where, $"synonym '{trimmed}' has no words"); continue; }
                record.Synonyms.Add((key, where));
                if (rest.Length > 0) ReadCodes(rest, record, where);
            }
            else
            {
                if (record != null) Finish(record, entries);
                var (phrase, rest) = SplitPhrase(trimmed);
                var key = PhraseNormalizer.Normalize(phrase);
                if (key.Length == 0) { Error(where, $"actor line '{trimmed}' has no words"); record = null; continue; }
                record = new ActorRecord(phrase, key, where);
                if (rest.Length > 0) ReadCodes(rest, record, where);
            }
        }
        if (record != null) Finish(record, entries);
        return entries;
    }

    private void Finish(ActorRecord r, List<ActorEntry> entries)
    {
        if (r.Default == null && r.Restrictions.Count == 0)
            Warn(r.Source, $"actor '{r.RootRaw}' has no code; it is kept and matches with no code");
        var restrictions = r.Restrictions.ToArray();
        entries.Add(new ActorEntry(r.Root, r.Root, EntryRule.Primary, r.Source, r.Default, restrictions));
        foreach (var (phrase, source) in r.Synonyms)
            entries.Add(new ActorEntry(phrase, r.Root, EntryRule.Synonym, source, r.Default, restrictions));
    }

    private void ReadCodes(string text, ActorRecord record, SourceLocation where)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            if (text[i] != '[') { Warn(where, $"text '{text[i..].Trim()}' after the codes ignored"); return; }
            var close = text.IndexOf(']', i);
            if (close < 0) { Error(where, $"'[' without a closing ']' in '{text.Trim()}'"); return; }
            var body = text[(i + 1)..close].Trim();
            i = close + 1;
            var space = body.IndexOfAny([' ', '\t']);
            var code = space < 0 ? body : body[..space];
            var restriction = space < 0 ? "" : RemoveBlanks(body[space..]);
            if (code.Length == 0 || !IsActorCodeText(code))
            {
                Error(where, $"'[{body}]' does not start with a code (letters, digits, '/', or a null code ---)");
                continue;
            }
            code = code.ToUpperInvariant();
            if (restriction.Length == 0)
            {
                if (record.Default != null) Warn(where, $"second default code [{code}] for '{record.RootRaw}'; the first ([{record.Default.Code}] at line {record.Default.Source.Line}) is kept");
                else record.Default = new DatedCode(code, DateInterval.Always, where);
                continue;
            }
            if (!DictionaryDate.TryParseRestriction(restriction, out var interval, out var error))
            {
                Error(where, error!);
                continue;
            }
            record.Restrictions.Add(new DatedCode(code, interval, where));
        }
    }

    private static bool IsActorCodeText(string code)
    {
        foreach (var c in code)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '+' or '#' or '~')) return false;
        return true;
    }

    // ---------------------------------------------------------------- agents

    /// <summary>
    /// Reads an agents dictionary: "PHRASE {plural} [~CODE]" or "[CODE~]" lines, "!NAME! = A, B" substitution sets.
    /// Regular plurals are formed unless "{}" is given; substitution forms get no further plural.
    /// </summary>
    public List<AgentEntry> ReadAgents(TextReader reader, string fileName)
    {
        var entries = new List<AgentEntry>();
        var substitutions = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (lineNumber, _, text) in Lines(reader))
        {
            var where = new SourceLocation(fileName, lineNumber);
            var line = text.Trim();
            if (line.Length == 0) continue;
            if (line[0] == '!' && line.Contains('='))
            {
                var eq = line.IndexOf('=');
                var name = line[..eq].Trim();
                if (name.Length < 3 || name[^1] != '!') { Error(where, $"substitution set '{name}' must look like !NAME!"); continue; }
                var items = line[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (items.Length == 0) { Error(where, $"substitution set {name} has no items"); continue; }
                substitutions[name] = items.Select(s => s.Replace(" ", "")).ToArray();
                continue;
            }
            var open = line.IndexOf('[');
            if (open < 0) { Error(where, $"agent line '{line}' has no [~CODE] or [CODE~]"); continue; }
            var close = line.IndexOf(']', open);
            if (close < 0) close = line.IndexOf('}', open); // PETRARCH's own docs write "[~LEG}"
            if (close < 0) { Error(where, $"'[' without a closing ']' in '{line}'"); continue; }
            var codeText = line[(open + 1)..close].Trim();
            AgentPosition position;
            string code;
            if (codeText.Length > 1 && codeText[0] == '~') { position = AgentPosition.Suffix; code = codeText[1..]; }
            else if (codeText.Length > 1 && codeText[^1] == '~') { position = AgentPosition.Prefix; code = codeText[..^1]; }
            else { Error(where, $"agent code '[{codeText}]' needs a '~' before (added after the actor code) or after (added before it)"); continue; }
            if (!code.All(char.IsAsciiLetterOrDigit)) { Error(where, $"agent code '{code}' must be letters and digits"); continue; }
            code = code.ToUpperInvariant();

            var head = line[..open];
            string? plurals = null;
            var brace = head.IndexOf('{');
            if (brace >= 0)
            {
                var braceEnd = head.IndexOf('}', brace);
                if (braceEnd < 0) { Error(where, $"'{{' without a closing '}}' in '{line}'"); continue; }
                plurals = head[(brace + 1)..braceEnd];
                head = head[..brace];
            }
            head = head.Trim();
            if (head.Length == 0) { Error(where, $"agent line '{line}' has no phrase"); continue; }

            if (head.Contains('!'))
            {
                var forms = ExpandSubstitutions(head, substitutions, where);
                if (forms == null) continue;
                foreach (var form in forms)
                    AddAgent(entries, form, head, EntryRule.Substitution, where, code, position);
                continue;
            }
            var root = AddAgent(entries, head, head, EntryRule.Primary, where, code, position);
            if (root == null) continue;
            if (plurals == null)
            {
                var plural = RegularPlural(head.TrimEnd('_', ' '));
                if (plural != null) AddAgent(entries, plural, head, EntryRule.RegularPlural, where, code, position);
            }
            else
            {
                foreach (var p in plurals.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    AddAgent(entries, p, head, EntryRule.IrregularPlural, where, code, position);
            }
        }
        return entries;
    }

    private string? AddAgent(List<AgentEntry> entries, string phrase, string root, EntryRule rule, SourceLocation where, string code, AgentPosition position)
    {
        var key = PhraseNormalizer.Normalize(phrase);
        if (key.Length == 0) { Error(where, $"agent phrase '{phrase}' has no words"); return null; }
        // Substitution roots keep their written form ("FOREIGN_!MINIST!") so provenance shows the rule that made them.
        entries.Add(new AgentEntry(key, rule == EntryRule.Substitution ? root : PhraseNormalizer.Normalize(root), rule, where, code, position));
        return key;
    }

    private List<string>? ExpandSubstitutions(string phrase, Dictionary<string, string[]> sets, SourceLocation where)
    {
        var start = phrase.IndexOf('!');
        if (start < 0) return [phrase];
        var end = phrase.IndexOf('!', start + 1);
        if (end < 0) { Error(where, $"unclosed substitution marker in '{phrase}'"); return null; }
        var marker = phrase[start..(end + 1)];
        if (!sets.TryGetValue(marker, out var items)) { Error(where, $"substitution set {marker} is not defined above this line"); return null; }
        var result = new List<string>();
        foreach (var item in items)
        {
            var expanded = ExpandSubstitutions(phrase[..start] + item + phrase[(end + 1)..], sets, where);
            if (expanded == null) return null;
            result.AddRange(expanded);
        }
        return result;
    }

    /// <summary>Regular English plural of the last word: +ES after s, x, z, ch, sh; consonant+y -> ies; else +s.</summary>
    public static string? RegularPlural(string phrase)
    {
        if (phrase.Length == 0 || !char.IsLetter(phrase[^1])) return null;
        bool upper = char.IsUpper(phrase[^1]);
        string Suffix(string s) => upper ? s.ToUpperInvariant() : s;
        var last = char.ToLowerInvariant(phrase[^1]);
        var before = phrase.Length > 1 ? char.ToLowerInvariant(phrase[^2]) : ' ';
        if (last is 's' or 'x' or 'z' || (last == 'h' && before is 'c' or 's')) return phrase + Suffix("es");
        if (last == 'y' && before is not ('a' or 'e' or 'i' or 'o' or 'u')) return phrase[..^1] + Suffix("ies");
        return phrase + Suffix("s");
    }

    // ---------------------------------------------------------------- discards

    /// <summary>Reads a discard list: "PHRASE" discards a sentence, "+PHRASE" the whole story; a final '_' requires a word end.</summary>
    public List<DiscardEntry> ReadDiscards(TextReader reader, string fileName)
    {
        var entries = new List<DiscardEntry>();
        foreach (var (lineNumber, _, text) in Lines(reader))
        {
            var where = new SourceLocation(fileName, lineNumber);
            var line = text.Trim();
            if (line.Length == 0) continue;
            bool story = line[0] == '+';
            if (story) line = line[1..].Trim();
            if (line.Contains('[')) { Error(where, $"discard line '{line}' has a code; discards are plain phrases"); continue; }
            var key = PhraseNormalizer.Normalize(line);
            if (key.Length == 0) { Error(where, $"discard line '{text.Trim()}' has no words"); continue; }
            entries.Add(new DiscardEntry(key, story, line.EndsWith('_'), where));
        }
        return entries;
    }

    // ---------------------------------------------------------------- shared

    private static (string Phrase, string Codes) SplitPhrase(string text)
    {
        var open = text.IndexOf('[');
        return open < 0 ? (text.Trim(), "") : (text[..open].Trim(), text[open..]);
    }

    private static string RemoveBlanks(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Lines with comments removed: (1-based number, raw line, text without comments).</summary>
    private static IEnumerable<(int Number, string Raw, string Text)> Lines(TextReader reader)
    {
        bool inBlock = false;
        int number = 0;
        for (var raw = reader.ReadLine(); raw != null; raw = reader.ReadLine())
        {
            number++;
            var text = raw;
            var sb = new StringBuilder();
            int i = 0;
            while (i < text.Length)
            {
                if (inBlock)
                {
                    var end = text.IndexOf("-->", i, StringComparison.Ordinal);
                    if (end < 0) { i = text.Length; break; }
                    i = end + 3;
                    inBlock = false;
                    continue;
                }
                var (open, length) = CommentOpener(text, i);
                if (open < 0) { sb.Append(text, i, text.Length - i); break; }
                sb.Append(text, i, open - i);
                i = open + length;
                inBlock = true;
            }
            var clean = sb.ToString();
            var hash = clean.IndexOf('#');
            if (hash >= 0) clean = clean[..hash];
            for (int j = 1; j < clean.Length; j++)
                if (clean[j] == ';' && char.IsWhiteSpace(clean[j - 1])) { clean = clean[..j]; break; }
            if (clean.Length > 0 && raw.Length > 0) yield return (number, raw, clean);
        }
    }

    // "<! --" (with a blank) occurs in PETR.Validate.actors.txt and is meant as a comment too.
    private static (int Index, int Length) CommentOpener(string text, int from)
    {
        var a = text.IndexOf("<!--", from, StringComparison.Ordinal);
        var b = text.IndexOf("<! --", from, StringComparison.Ordinal);
        if (b >= 0 && (a < 0 || b < a)) return (b, 5);
        return (a, 4);
    }

    private void Error(SourceLocation where, string message) => _problems.Add(new DictionaryProblem(where, ProblemSeverity.Error, message));
    private void Warn(SourceLocation where, string message) => _problems.Add(new DictionaryProblem(where, ProblemSeverity.Warning, message));
}
