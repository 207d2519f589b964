using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Coding.Lexicon;

/// <summary>
/// Imports a PETRARCH verb dictionary (CAMEO.2.0.txt format: &amp;CLASS synonym sets, "--- NAME [code] ---" verb
/// families, verb lines with {irregular forms} and [code], "- pre * post [code]" patterns) into our pattern
/// representation. Each family's patterns apply to each of its verbs. Word positions become constraints: words before
/// "*" become before:, words after it after:, "(PREP X)" becomes prep:, "$"/"+"/"^" become actor slots, and the second
/// word of a multi-word verb ("+CALL_OFF") pp:. Transformation lines ("~") are not imported. Malformed lines become
/// diagnostics with their line number.
/// </summary>
public static partial class PetrarchImporter
{
    private sealed class Family(string? code)
    {
        public string? Code { get; } = code;
        public List<(string Lemma, List<string> Constraints, string? Code, bool OwnCode, int Line, string Text)> Verbs { get; } = [];
        public List<(List<string> Constraints, string Code, int Line, string Text)> Patterns { get; } = [];
    }

    /// <summary>Reads the dictionary into the builder; returns the number of transformation lines left out.</summary>
    public static int Import(string path, LexiconBuilder into)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Import(reader, Path.GetFileName(path), into);
    }

    public static int Import(TextReader reader, string fileName, LexiconBuilder into)
    {
        string? raw;
        int number = 0, transformations = 0;
        string? currentClass = null;
        Family? family = null;
        while ((raw = reader.ReadLine()) != null)
        {
            number++;
            // A comment line inside a class or family does not end it; a blank line ends a class.
            if (raw.TrimStart().StartsWith('#')) continue;
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                currentClass = null;
                continue;
            }
            void Report(string message) => into.Diagnostics.Add(new LexiconDiagnostic(fileName, number, message));

            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                Flush(family, fileName, into);
                currentClass = null;
                var header = FamilyHeader().Match(line);
                if (!header.Success) { Report("malformed verb family header (expected --- NAME [code] ---)"); family = null; continue; }
                if (!LexiconCode.TryParse(header.Groups[1].Value, out var familyCode, out _, out _)) { Report($"malformed family code [{header.Groups[1].Value}]"); family = null; continue; }
                family = new Family(familyCode);
                continue;
            }
            if (line.StartsWith('&'))
            {
                Flush(family, fileName, into);
                family = null;
                var name = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('_').ToLowerInvariant();
                if (name.Length < 2 || !Term.IsWord(name[1..].Replace("_", ""))) { Report($"malformed class name \"{line}\""); currentClass = null; continue; }
                currentClass = name;
                into.AddClass(name, []);
                continue;
            }
            if (line.StartsWith('~')) { transformations++; continue; }
            if (currentClass != null && line.StartsWith('+'))
            {
                // "+MI-24VM/HIND": a slash separates alternative spellings.
                foreach (var alternative in line[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    var head = PhraseHead(alternative);
                    if (head is { Length: 1 }) continue; // "+F/A-18" splits off a lone letter, which would match too much
                    if (head == null) Report($"malformed class member \"{line}\"");
                    else into.AddClass(currentClass, [head]);
                }
                continue;
            }
            if (family == null) { Report("line outside a verb family or class"); continue; }
            if (line.StartsWith('-'))
            {
                var error = ParsePattern(line[1..], into, out var constraints, out var code);
                if (error != null) Report(error);
                else family.Patterns.Add((constraints!, code!, number, CollapseSpaces(raw.Trim())));
            }
            else
            {
                var error = ParseVerb(line, out var lemma, out var constraints, out var code, out bool hasCode);
                if (error != null) Report(error);
                else family.Verbs.Add((lemma!, constraints!, hasCode ? code : family.Code, hasCode && code != family.Code, number, CollapseSpaces(raw.Trim())));
            }
        }
        Flush(family, fileName, into);
        return transformations;
    }

    private static void Flush(Family? family, string fileName, LexiconBuilder into)
    {
        if (family == null) return;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verb in family.Verbs) names.Add(VerbName(verb.Text));
        foreach (var verb in family.Verbs)
        {
            Add(into, verb.Lemma, verb.Constraints, LexiconCode.Format(verb.Code, null, false), new Provenance(fileName, verb.Line, verb.Text));
            var name = VerbName(verb.Text);
            foreach (var p in family.Patterns)
                if (!verb.OwnCode || !WrittenForAnotherSense(p.Text, p.Code, name, verb.Code, names))
                    Add(into, verb.Lemma, [.. verb.Constraints, .. p.Constraints], p.Code, new Provenance(fileName, p.Line, p.Text));
        }
    }

    /// <summary>
    /// Some families merge verbs of different senses and mark the odd ones with a code of their own (ARREST [173]
    /// among SEIZE and TAKE, CONDEMN [111] among BLAME); each pattern's comment names the verb it was written for.
    /// Such a verb is not given a pattern written for another verb of the family that would move it to another root:
    /// "- &amp;MILITARY * [192] # TAKE" makes troops taking a town an occupation, not police arresting protesters.
    /// Verbs that share the family's code keep every pattern (the family is a set of synonyms for them).
    /// </summary>
    private static bool WrittenForAnotherSense(string patternText, string patternCode, string verbName, string? verbCode, HashSet<string> familyNames)
    {
        if (verbCode is null || verbCode.Length < 2 || !char.IsDigit(verbCode[0])) return false;
        int hash = patternText.IndexOf('#');
        if (hash < 0) return false;
        var comment = patternText[(hash + 1)..].Trim().Split(' ', 2)[0];
        var writtenFor = VerbName(comment);
        if (writtenFor == verbName || !familyNames.Contains(writtenFor)) return false;
        return patternCode.Length >= 2 && char.IsDigit(patternCode[0]) && string.CompareOrdinal(patternCode, 0, verbCode, 0, 2) != 0;
    }

    /// <summary>The verb a family line or pattern comment names, as written ("+CALL_OFF {..} [160]" and "CALL_OFF" both give "call_off").</summary>
    private static string VerbName(string text)
    {
        var first = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return first.Length == 0 ? "" : first[0].Replace("+", "").ToLowerInvariant();
    }

    private static void Add(LexiconBuilder into, string lemma, List<string> constraintTexts, string codeText, Provenance provenance)
    {
        var constraints = new Constraint[constraintTexts.Count];
        for (int i = 0; i < constraints.Length; i++)
        {
            var c = into.ParseConstraint(constraintTexts[i], out var error);
            if (c == null) { into.Diagnostics.Add(new LexiconDiagnostic(provenance.File, provenance.Line, error!)); return; }
            constraints[i] = c;
        }
        LexiconCode.TryParse(codeText, out var code, out var paired, out bool reversed);
        into.Add(new LexiconEntry(EntryKind.Verb, lemma, constraints, code, paired, reversed, provenance));
    }

    /// <summary>"+CALL_OFF {...} [160]", "WIRE_+TAP", "MEET {MEETS MET}" → lemma, compound-word constraints, code.</summary>
    private static string? ParseVerb(string line, out string? lemma, out List<string>? constraints, out string? code, out bool hasCode)
    {
        lemma = null; constraints = null; code = null; hasCode = false;
        var codeMatch = TrailingCode().Match(line);
        if (codeMatch.Success)
        {
            if (!LexiconCode.TryParse(codeMatch.Groups[1].Value.Trim(), out code, out _, out _)) return $"malformed verb code [{codeMatch.Groups[1].Value}]";
            hasCode = true;
            line = line[..codeMatch.Index];
        }
        int brace = line.IndexOf('{');
        if (brace >= 0)
        {
            if (line.IndexOf('}', brace) < 0) return "unclosed { in verb forms";
            line = line[..brace];
        }
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length != 1) return $"expected one verb before the forms and code, found \"{line.Trim()}\"";
        var words = tokens[0].Split('_', StringSplitOptions.RemoveEmptyEntries);
        int verbIndex = words.Length == 1 ? 0 : Array.FindIndex(words, w => w.StartsWith('+'));
        if (verbIndex < 0) return $"multi-word verb \"{tokens[0]}\" does not mark its verb with '+'";
        constraints = [];
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i].TrimStart('+').ToLowerInvariant();
            if (!Term.IsWord(w)) return $"malformed verb word \"{words[i]}\"";
            if (i == verbIndex) lemma = w;
            else constraints.Add(i < verbIndex ? "before:" + w : "pp:" + w);
        }
        return null;
    }

    /// <summary>Translates "pre * post [code]" into constraint texts and a code text.</summary>
    private static string? ParsePattern(string body, LexiconBuilder into, out List<string>? constraints, out string? code)
    {
        constraints = null; code = null;
        var codeMatch = TrailingCode().Match(body);
        if (!codeMatch.Success) return "pattern without a [code]";
        var codeText = codeMatch.Groups[1].Value.Trim();
        if (!LexiconCode.TryParse(codeText, out _, out _, out _)) return $"malformed pattern code [{codeText}]";
        code = codeText;
        var tokens = Tokenize(body[..codeMatch.Index], out var error);
        if (tokens == null) return error;
        int star = tokens.IndexOf("*");
        if (star < 0 || tokens.LastIndexOf("*") != star) return "a pattern needs exactly one '*' for the verb";
        constraints = [];
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i == star) continue;
            bool before = i < star;
            var t = tokens[i];
            if (t.StartsWith('('))
            {
                var inner = t[1..^1].Trim();
                var parts = SplitGroup(inner);
                if (parts.Count == 0) return "empty ( ) group";
                var prep = parts[0].ToLowerInvariant().Replace('/', '|');
                if (!prep.Split('|').All(Term.IsWord)) return $"malformed preposition \"{parts[0]}\"";
                if (parts.Count == 1) { constraints.Add("prep:" + prep); continue; }
                var objectTerm = TermText(parts.Skip(1).ToList(), out error);
                if (objectTerm == null) return error;
                constraints.Add($"prep:{prep}={objectTerm}");
                continue;
            }
            if (t == "$") { if (!before) constraints.Add("after:@source"); continue; }
            if (t == "+") { constraints.Add(before ? "subj:@target" : "after:@target"); continue; }
            if (t == "^") { if (!before) constraints.Add("after:@actor"); continue; }
            if (t == "%") continue; // compound-actor marker: no constraint of ours corresponds
            var term = t.StartsWith('{') ? TermText(SplitGroup(t[1..^1]), out error) : TermText([t], out error);
            if (term == null) return error;
            constraints.Add((before ? "before:" : "after:") + term);
        }
        // Check class references now, so the line number of the pattern is the one reported.
        foreach (var c in constraints)
            if (into.ParseConstraint(c, out var parseError) == null) return parseError;
        return null;
    }

    /// <summary>Words of a phrase → "head+modifier+modifier" (the last word is the head; modifiers may be classes).</summary>
    private static string? TermText(List<string> words, out string? error)
    {
        error = null;
        var expanded = words.SelectMany(w => w.Split('_', StringSplitOptions.RemoveEmptyEntries)).Select(w => w.ToLowerInvariant()).ToList();
        if (expanded.Count == 0) { error = "empty phrase"; return null; }
        if (expanded[^1] is "$" or "+" or "^") return expanded[^1] switch { "$" => "@source", "+" => "@target", _ => "@actor" };
        var head = expanded[^1].Replace('/', '|'); // "BOMBING/EXPLOSION": alternatives
        if (!head.Split('|').All(h => h.StartsWith('&') ? Term.IsWord(h[1..]) : Term.IsWord(h))) { error = $"malformed word \"{words[^1]}\""; return null; }
        var modifiers = expanded.Take(expanded.Count - 1).Where(w => w is not ("$" or "+" or "^")).ToList();
        foreach (var m in modifiers) if (!(m.StartsWith('&') ? Term.IsWord(m[1..]) : Term.IsWord(m))) { error = $"malformed word \"{m}\""; return null; }
        return modifiers.Count == 0 ? head : head + "+" + string.Join('+', modifiers);
    }

    private static List<string>? Tokenize(string text, out string? error)
    {
        error = null;
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or '{')
            {
                int depth = 0, j = i;
                for (; j < text.Length; j++)
                {
                    if (text[j] is '(' or '{') depth++;
                    else if (text[j] is ')' or '}') { depth--; if (depth == 0) break; }
                }
                if (j >= text.Length) { error = $"unclosed '{c}' in pattern"; return null; }
                tokens.Add(text[i..(j + 1)]);
                i = j + 1;
                continue;
            }
            if (c is ')' or '}') { error = $"unmatched '{c}' in pattern"; return null; }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or '{' or ')' or '}')) i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    /// <summary>Splits "FOR {FINANCIAL AID}" into FOR, FINANCIAL, AID (braces only group words of one phrase).</summary>
    private static List<string> SplitGroup(string inner) =>
        inner.Replace('{', ' ').Replace('}', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string? PhraseHead(string member)
    {
        var words = member.Split(new[] { '_', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var head = words[^1].ToLowerInvariant();
        return Term.IsWord(head) ? head : null;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    private static string CollapseSpaces(string s) => MultipleSpaces().Replace(s, " ");

    [GeneratedRegex(@"^---\s+(?:.*?)\s*\[([^\]]*)\]\s*(?:---\s*)+$")]
    private static partial Regex FamilyHeader();

    [GeneratedRegex(@"\[([^\]]*)\]\s*$")]
    private static partial Regex TrailingCode();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
