namespace Dyad.Nlp.Lemmatization;

/// <summary>
/// Learned "strip n characters, append s" rules from word form to lemma, indexed by XPOS and the form's last
/// characters. Applied to words the lookup tables do not know; the longest suffix with enough evidence wins, and among
/// its rules the most frequent one whose output is a known lemma.
/// </summary>
internal sealed class SuffixRules
{
    public const int MaxSuffix = 5;
    private const int MinEvidence = 2;

    // key: xpos + '\u0001' + suffix -> rules ordered by descending count
    private readonly Dictionary<string, (byte Strip, string Append)[]> _rules;

    private SuffixRules(Dictionary<string, (byte Strip, string Append)[]> rules) => _rules = rules;

    public int Count => _rules.Count;

    public static (byte Strip, string Append) RuleFor(string form, string lemma)
    {
        int p = 0;
        while (p < form.Length && p < lemma.Length && form[p] == lemma[p]) p++;
        return ((byte)Math.Min(form.Length - p, 255), lemma[p..]);
    }

    public static string Apply(string form, (byte Strip, string Append) rule) =>
        form[..(form.Length - rule.Strip)] + rule.Append;

    /// <param name="pairs">Distinct (lowercase form, xpos, lemma) types.</param>
    public static SuffixRules Learn(IEnumerable<(string Form, string Xpos, string Lemma)> pairs)
    {
        var counts = new Dictionary<string, Dictionary<(byte, string), int>>(StringComparer.Ordinal);
        foreach (var (form, xpos, lemma) in pairs)
        {
            var rule = RuleFor(form, lemma);
            if (rule.Strip >= form.Length) continue; // rule would consume the whole word: not a suffix rule
            for (int m = 0; m <= Math.Min(MaxSuffix, form.Length - 1); m++)
            {
                if (m < rule.Strip) continue; // the context must cover what the rule strips
                var key = Key(xpos, form.AsSpan(form.Length - m));
                if (!counts.TryGetValue(key, out var byRule)) counts[key] = byRule = new();
                byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
            }
        }
        var rules = new Dictionary<string, (byte, string)[]>(StringComparer.Ordinal);
        foreach (var (key, byRule) in counts)
        {
            int total = byRule.Values.Sum();
            if (total < MinEvidence && key.Length > key.IndexOf('\u0001') + 1) continue;
            rules[key] = byRule.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
                .Take(4).Select(kv => kv.Key).ToArray();
        }
        return new SuffixRules(rules);
    }

    private static string Key(string xpos, ReadOnlySpan<char> suffix) => string.Concat(xpos, "\u0001", suffix);

    /// <summary>Best rule for a lowercase form, or null when none applies.</summary>
    public (byte Strip, string Append)? Find(string form, string xpos, Func<string, bool> isKnownLemma)
    {
        for (int m = Math.Min(MaxSuffix, form.Length - 1); m >= 0; m--)
        {
            if (!_rules.TryGetValue(Key(xpos, form.AsSpan(form.Length - m)), out var candidates)) continue;
            (byte, string)? first = null;
            foreach (var rule in candidates)
            {
                if (rule.Strip >= form.Length) continue;
                first ??= rule;
                if (isKnownLemma(Apply(form, rule))) return rule;
            }
            if (first != null) return first;
        }
        return null;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_rules.Count);
        foreach (var (key, rules) in _rules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write((byte)rules.Length);
            foreach (var (strip, append) in rules) { w.Write(strip); w.Write(append); }
        }
    }

    public static SuffixRules Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var rules = new Dictionary<string, (byte, string)[]>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var key = r.ReadString();
            var list = new (byte, string)[r.ReadByte()];
            for (int j = 0; j < list.Length; j++) list[j] = (r.ReadByte(), r.ReadString());
            rules[key] = list;
        }
        return new SuffixRules(rules);
    }
}
