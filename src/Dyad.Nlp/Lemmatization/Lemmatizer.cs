using System.Text;
using Dyad.Nlp.Tagging;
using Dyad.Text;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Lemmatization;

/// <summary>
/// Lemmatizer following UD English-EWT conventions (lowercase lemmas, proper nouns keep their form). In order:
/// the (form, XPOS) seen in training, then (lowercase form, XPOS), then irregular forms from WordNet's exception lists
/// and UniMorph, then suffix rules learned per XPOS. Immutable after training or loading; thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private const string Magic = "DYADLEMM";
    private const int FormatVersion = 1;

    private readonly Dictionary<string, string> _exact;      // form \t xpos
    private readonly Dictionary<string, string> _lower;      // lowercase form \t xpos
    private readonly Dictionary<string, string> _irregular;  // lowercase form \t xpos, from the lexicons
    private readonly SuffixRules _rules;
    private readonly HashSet<ulong> _knownLemmas;
    private readonly Func<string, bool> _isKnown;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _exactLookup, _lowerLookup, _irregularLookup;

    private Lemmatizer(Dictionary<string, string> exact, Dictionary<string, string> lower, Dictionary<string, string> irregular,
        SuffixRules rules, HashSet<ulong> knownLemmas)
    {
        _exact = exact;
        _lower = lower;
        _irregular = irregular;
        _rules = rules;
        _knownLemmas = knownLemmas;
        _isKnown = lemma => _knownLemmas.Contains(FeatureHash.Text(lemma));
        _exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowerLookup = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        _irregularLookup = irregular.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Describe() =>
        $"{_exact.Count:N0} exact + {_lower.Count:N0} lowercase forms, {_irregular.Count:N0} irregular forms, " +
        $"{_rules.Count:N0} suffix contexts, {_knownLemmas.Count:N0} known lemmas";

    /// <summary>Fills <see cref="Sentence.Lemmas"/> from each token's <see cref="Token.Norm"/> and the sentence's tags.</summary>
    public void Lemmatize(Sentence sentence)
    {
        if (sentence.Upos == null || sentence.Xpos == null || sentence.Feats == null)
            throw new InvalidOperationException("the sentence must be tagged (Upos, Xpos, Feats) before lemmatizing");
        var lemmas = new string[sentence.Count];
        for (int i = 0; i < lemmas.Length; i++)
            lemmas[i] = Lemmatize(sentence.Tokens[i].Norm, sentence.Upos[i], sentence.Xpos[i], sentence.Feats[i]);
        ResolveContractedS(i => sentence.Tokens[i].Norm, sentence.Xpos, lemmas);
        sentence.Lemmas = lemmas;
    }

    /// <summary>Lemmatizes one tagged sentence given as parallel arrays (the words and their tags) into <paramref name="lemmas"/>.</summary>
    public void Lemmatize(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos, IReadOnlyList<string> feats, string[] lemmas)
    {
        for (int i = 0; i < forms.Count; i++) lemmas[i] = Lemmatize(forms[i], upos[i], xpos[i], feats[i]);
        ResolveContractedS(i => forms[i], xpos, lemmas);
    }

    /// <summary>
    /// A contracted "'s" tagged VBZ is "is" unless a perfect participle follows ("she's been", "he's not got"):
    /// the tag cannot tell "be" from "have", the next words can.
    /// </summary>
    private static void ResolveContractedS(Func<int, string> form, IReadOnlyList<string> xpos, string[] lemmas)
    {
        for (int i = 0; i + 1 < lemmas.Length; i++)
        {
            if (xpos[i] != "VBZ" || !IsContractedS(form(i))) continue;
            int next = i + 1;
            while (next < lemmas.Length && xpos[next] == "RB") next++;
            if (next < lemmas.Length && form(next).ToLowerInvariant() is "been" or "got" or "gotten") lemmas[i] = "have";
        }
    }

    private static bool IsContractedS(string form) => form is "'s" or "\u2019s" or "'S" or "\u2019S";

    public string Lemmatize(string form, string upos, string xpos, string feats)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(xpos);
        if (form.Length == 0) return form;
        // Keys "form\txpos" are built on the stack and looked up as spans, so known words allocate nothing.
        int length = form.Length + 1 + xpos.Length;
        Span<char> key = length <= 128 ? stackalloc char[length] : new char[length];
        form.CopyTo(key);
        key[form.Length] = '\t';
        xpos.CopyTo(key[(form.Length + 1)..]);
        if (_exactLookup.TryGetValue(key, out var lemma)) return lemma;
        if (upos == "PROPN")
            return xpos == "NNPS" ? ApplyRule(form, form.ToLowerInvariant(), "NNPS") : KnownCaseVariant(form, xpos, key) ?? form;
        form.AsSpan().ToLowerInvariant(key);
        if (_lowerLookup.TryGetValue(key, out lemma)) return lemma;
        switch (upos)
        {
            case "PUNCT" or "SYM": return form;
            case "NUM": return HasDigit(form) ? WithoutThousandsSeparators(form) : form.ToLowerInvariant();
        }
        if (_irregularLookup.TryGetValue(key, out lemma)) return lemma;
        var lower = form.ToLowerInvariant();
        if (KnownWithoutStretching(lower, xpos) is { } unstretched) return unstretched;
        // Capitalised adjectives (nationalities, "United") keep their case in EWT; all-caps words do not
        // (EWT lowercases "CEO", "FOOD"), except the known ones in the tables above.
        bool keepCase = upos == "ADJ" && char.IsUpper(form[0]) && !IsAllCaps(form);
        return ApplyRule(keepCase ? form : lower, lower, xpos);
    }

    /// <summary>
    /// EWT writes the lemma of a name in its usual case: "kerala" and "KENNEDY" have the lemmas "Kerala" and
    /// "Kennedy" when training saw the name written that way. Only all-lowercase and all-caps forms are recased; an
    /// unknown name keeps its form (most all-caps names are acronyms). <paramref name="key"/> is scratch space at
    /// least as long as "form TAB xpos".
    /// </summary>
    private string? KnownCaseVariant(string form, string xpos, Span<char> key)
    {
        bool lower = IsAllLower(form), caps = !lower && form.Length > 1 && IsAllCaps(form);
        if (!lower && !caps) return null;
        key[0] = char.ToUpperInvariant(form[0]);
        for (int i = 1; i < form.Length; i++) key[i] = char.ToLowerInvariant(form[i]);
        key[form.Length] = '\t';
        xpos.CopyTo(key[(form.Length + 1)..]);
        return _exactLookup.TryGetValue(key[..(form.Length + 1 + xpos.Length)], out var lemma) && lemma.Length > 0 && char.IsUpper(lemma[0])
            ? lemma : null;
    }

    /// <summary>
    /// Web text stretches words for emphasis ("sooooo", "prettty"); EWT lemmatizes them as the plain word. A run of
    /// three or more equal letters is shortened to one, then to two, and the result is looked up.
    /// </summary>
    private string? KnownWithoutStretching(string lower, string xpos)
    {
        if (!HasLetterRun(lower)) return null;
        foreach (int keep in (ReadOnlySpan<int>)[1, 2])
        {
            var sb = new StringBuilder(lower.Length);
            for (int i = 0; i < lower.Length; i++)
            {
                int run = 1;
                while (i + run < lower.Length && lower[i + run] == lower[i]) run++;
                sb.Append(lower[i], run >= 3 && char.IsLetter(lower[i]) ? keep : run);
                i += run - 1;
            }
            if (_lower.TryGetValue(Key(sb.ToString(), xpos), out var lemma)) return lemma;
        }
        return null;
    }

    private static bool HasLetterRun(string s)
    {
        for (int i = 2; i < s.Length; i++)
            if (s[i] == s[i - 1] && s[i] == s[i - 2] && char.IsLetter(s[i])) return true;
        return false;
    }

    private static bool IsAllLower(string s)
    {
        bool letter = false;
        foreach (var c in s)
        {
            if (char.IsUpper(c)) return false;
            if (char.IsLower(c)) letter = true;
        }
        return letter;
    }

    private string ApplyRule(string baseForm, string lower, string xpos)
    {
        // Suffix rules are learned from words; on abbreviations, codes and numbers ("U.S", "A4s") they cut wrongly.
        foreach (var c in lower)
            if (!char.IsLetter(c) && c is not ('-' or '\'' or '\u2019')) return baseForm;
        var rule = _rules.Find(lower, xpos, _isKnown);
        return rule is { } r && r.Strip < baseForm.Length ? SuffixRules.Apply(baseForm, r) : baseForm;
    }

    private static string Key(string form, string xpos) => string.Concat(form, "\t", xpos);

    /// <summary>EWT writes numeric lemmas without thousands separators: "12,000" -> "12000".</summary>
    private static string WithoutThousandsSeparators(string s)
    {
        int comma = s.IndexOf(',');
        if (comma <= 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            bool separator = s[i] == ',' && i > 0 && i + 1 < s.Length && char.IsDigit(s[i - 1]) && char.IsDigit(s[i + 1]);
            if (!separator) sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static bool HasDigit(string s)
    {
        foreach (var c in s) if (char.IsDigit(c)) return true;
        return false;
    }

    private static bool IsAllCaps(string s)
    {
        bool letter = false;
        foreach (var c in s)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) letter = true;
        }
        return letter;
    }

    // ---------------------------------------------------------------- training

    public static Lemmatizer Train(IReadOnlyList<ConlluSentence> train, string? lexiconDirectory, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var exactCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lowerCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var types = new SortedSet<(string, string, string)>();
        var known = new HashSet<ulong>();
        foreach (var s in train)
            foreach (var w in s.Words)
            {
                if (w.Lemma == "_" && w.Form != "_") continue;
                Count(exactCounts, Key(w.Form, w.Xpos), w.Lemma);
                var lower = w.Form.ToLowerInvariant();
                Count(lowerCounts, Key(lower, w.Xpos), w.Lemma);
                known.Add(FeatureHash.Text(w.Lemma.ToLowerInvariant()));
                if (w.Upos is not ("PROPN" or "PUNCT" or "SYM" or "NUM") || w.Xpos == "NNPS")
                    types.Add((lower, w.Xpos, w.Lemma.ToLowerInvariant()));
            }
        var exact = Best(exactCounts);
        var lowerTable = Best(lowerCounts);
        var unimorph = new List<(string Form, string Xpos, string Lemma)>();
        var wordnetIrregular = new List<(string Form, string Xpos, string Lemma)>();
        if (lexiconDirectory != null) ReadLexicons(lexiconDirectory, unimorph, wordnetIrregular, known);
        foreach (var entry in unimorph) types.Add(entry);
        var rules = SuffixRules.Learn(types);

        // Keep only lexicon forms that the rules would get wrong: the irregulars.
        var irregular = new Dictionary<string, string>(StringComparer.Ordinal);
        Func<string, bool> isKnown = l => known.Contains(FeatureHash.Text(l));
        foreach (var (form, xpos, lemma) in wordnetIrregular.Concat(unimorph))
        {
            var key = Key(form, xpos);
            if (lowerTable.ContainsKey(key) || irregular.ContainsKey(key)) continue;
            var rule = rules.Find(form, xpos, isKnown);
            var guess = rule is { } r ? SuffixRules.Apply(form, r) : form;
            if (guess != lemma) irregular[key] = lemma;
        }
        var lemmatizer = new Lemmatizer(exact, lowerTable, irregular, rules, known);
        log?.WriteLine($"lemmatizer: {lemmatizer.Describe()}");
        return lemmatizer;
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> table, string key, string lemma)
    {
        if (!table.TryGetValue(key, out var byLemma)) table[key] = byLemma = new(StringComparer.Ordinal);
        byLemma[lemma] = byLemma.GetValueOrDefault(lemma) + 1;
    }

    private static Dictionary<string, string> Best(Dictionary<string, Dictionary<string, int>> table)
    {
        var result = new Dictionary<string, string>(table.Count, StringComparer.Ordinal);
        foreach (var (key, byLemma) in table)
            result[key] = byLemma.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        return result;
    }

    private static void ReadLexicons(string directory, List<(string, string, string)> unimorph,
        List<(string, string, string)> wordnetIrregular, HashSet<ulong> known)
    {
        var args = Path.Combine(directory, "unimorph-eng-verbs", "eng.args");
        if (File.Exists(args))
        {
            int lineNumber = 0;
            foreach (var line in File.ReadLines(args))
            {
                lineNumber++;
                var cols = line.Split('\t');
                if (cols.Length < 3) continue;
                var lemma = cols[0].ToLowerInvariant();
                var form = cols[1].ToLowerInvariant();
                if (lemma.Contains(' ') || form.Contains(' ')) continue;
                known.Add(FeatureHash.Text(lemma));
                string[] xpos = cols[2] switch
                {
                    "V;PST" => ["VBD"],
                    "V;V.PTCP;PST" => ["VBN"],
                    "V;V.PTCP;PRS" => ["VBG"],
                    "V;PRS;NOM(3,SG)" => ["VBZ"],
                    "V;NFIN" => ["VB", "VBP"],
                    _ => [],
                };
                foreach (var x in xpos) unimorph.Add((form, x, lemma));
            }
        }
        var wordnet = Path.Combine(directory, "wordnet-3.0");
        if (!Directory.Exists(wordnet)) return;
        foreach (var file in new[] { "index.noun", "index.verb", "index.adj", "index.adv" })
            foreach (var line in LexiconFiles.ReadLines(Path.Combine(wordnet, file)))
                if (line.Length > 0 && line[0] != ' ')
                {
                    var lemma = line[..line.IndexOf(' ')];
                    if (!lemma.Contains('_')) known.Add(FeatureHash.Text(lemma));
                }
        foreach (var (file, xpos) in new[] { ("noun.exc", new[] { "NNS" }), ("verb.exc", new[] { "VBD", "VBN" }),
                     ("adj.exc", new[] { "JJR", "JJS" }), ("adv.exc", new[] { "RBR", "RBS" }) })
            foreach (var line in LexiconFiles.ReadLines(Path.Combine(wordnet, file)))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2 || parts[0].Contains('_') || parts[1].Contains('_')) continue;
                foreach (var x in xpos)
                {
                    // Comparatives/superlatives and verb forms are told apart by their endings.
                    bool superlative = parts[0].EndsWith("st");
                    if (x is "JJR" or "RBR" && superlative || x is "JJS" or "RBS" && !superlative) continue;
                    if (x is "VBD" or "VBN" && (parts[0].EndsWith("ing") || parts[0].EndsWith('s'))) continue;
                    wordnetIrregular.Add((parts[0], x, parts[1]));
                }
            }
    }

    // ---------------------------------------------------------------- persistence

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        WriteTable(w, _exact);
        WriteTable(w, _lower);
        WriteTable(w, _irregular);
        _rules.Write(w);
        w.Write(_knownLemmas.Count);
        foreach (var h in _knownLemmas.Order()) w.Write(h);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    public static Lemmatizer Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = Encoding.ASCII.GetString(r.ReadBytes(Magic.Length));
        if (magic != Magic) throw new InvalidDataException("lemmatizer model: not a Dyad lemmatizer model (bad header)");
        int version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"lemmatizer model: format version {version}, expected {FormatVersion}");
        var exact = ReadTable(r);
        var lower = ReadTable(r);
        var irregular = ReadTable(r);
        var rules = SuffixRules.Read(r);
        int n = r.ReadInt32();
        var known = new HashSet<ulong>(n);
        for (int i = 0; i < n; i++) known.Add(r.ReadUInt64());
        return new Lemmatizer(exact, lower, irregular, rules, known);
    }

    public static Lemmatizer Load(string path)
    {
        using var stream = File.OpenRead(path);
        try { return Load(stream); }
        catch (EndOfStreamException) { throw new InvalidDataException($"{path}: lemmatizer model is truncated"); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    private static void WriteTable(BinaryWriter w, Dictionary<string, string> table)
    {
        w.Write(table.Count);
        foreach (var (k, v) in table.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
    }

    private static Dictionary<string, string> ReadTable(BinaryReader r)
    {
        int n = r.ReadInt32();
        var table = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) table[r.ReadString()] = r.ReadString();
        return table;
    }
}
