using Dyad.Text;

namespace Dyad.Coding.Coder;

/// <summary>Child lists over a parsed sentence's 1-based head array, built once per sentence for the coder's lookups.</summary>
internal sealed class DependencyView
{
    private readonly Sentence _sentence;
    private readonly int[][] _children;

    public DependencyView(Sentence sentence)
    {
        _sentence = sentence;
        var heads = sentence.Heads!;
        var counts = new int[sentence.Count];
        for (int i = 0; i < heads.Length; i++) if (heads[i] > 0) counts[heads[i] - 1]++;
        _children = new int[sentence.Count][];
        for (int i = 0; i < counts.Length; i++) _children[i] = counts[i] == 0 ? [] : new int[counts[i]];
        var fill = new int[sentence.Count];
        for (int i = 0; i < heads.Length; i++)
            if (heads[i] > 0) { int h = heads[i] - 1; _children[h][fill[h]++] = i; }
    }

    public int[] Children(int head) => _children[head];

    public Sentence Sentence => _sentence;

    /// <summary>The 0-based head of a token, or -1 for the root.</summary>
    public int Head(int token) => _sentence.Heads![token] - 1;

    public string Relation(int token) => _sentence.Relations![token];

    /// <summary>The lower-case lemma of a token.</summary>
    public string Lemma(int token) => _sentence.Lemmas![token].ToLowerInvariant();

    public string Word(int token) => _sentence.Tokens[token].Text;

    public bool IsSubjectRelation(int token) => Relation(token) is "nsubj" or "nsubj:pass" or "csubj";

    /// <summary>The lower-case subordinator ("if", "to", "for") marking a clause head, or null.</summary>
    public string? Marker(int head)
    {
        foreach (int c in _children[head])
            if (_sentence.Relations![c] == "mark") return _sentence.Tokens[c].Text.ToLowerInvariant();
        return null;
    }

    /// <summary>The lower-case preposition (case marker) of a nominal, or null.</summary>
    public string? CaseOf(int nominal)
    {
        foreach (int c in _children[nominal])
            if (_sentence.Relations![c] == "case") return _sentence.Lemmas![c].ToLowerInvariant();
        return null;
    }

    /// <summary>The first obl/nmod child of <paramref name="head"/> whose preposition is one of <paramref name="prepositions"/>, or -1.</summary>
    public int PrepositionalChild(int head, params string[] prepositions)
    {
        foreach (int c in _children[head])
        {
            var relation = _sentence.Relations![c];
            if (!(relation.StartsWith("obl", StringComparison.Ordinal) || relation.StartsWith("nmod", StringComparison.Ordinal)) || relation == "nmod:poss") continue;
            var preposition = CaseOf(c);
            if (preposition != null && Array.IndexOf(prepositions, preposition) >= 0) return c;
        }
        return -1;
    }

    /// <summary>True when an auxiliary of <paramref name="verb"/> satisfies <paramref name="test"/> (lower-case word form).</summary>
    public bool HasAuxiliary(int verb, Func<string, bool> test)
    {
        foreach (int c in _children[verb])
            if (_sentence.Relations![c] == "aux" && test(_sentence.Tokens[c].Text.ToLowerInvariant())) return true;
        return false;
    }

    /// <summary>The auxiliary word satisfying <paramref name="test"/>, or null.</summary>
    public string? Auxiliary(int verb, Func<string, bool> test)
    {
        foreach (int c in _children[verb])
            if (_sentence.Relations![c] == "aux" && test(_sentence.Tokens[c].Text.ToLowerInvariant())) return _sentence.Tokens[c].Text.ToLowerInvariant();
        return null;
    }

    /// <summary>The dependency path between two tokens, e.g. "Pompeo &lt;nsubj met &gt;obj Tokayev".</summary>
    public string PathText(int from, int to)
    {
        var up = new List<int> { from };
        for (int h = Head(from); h >= 0; h = Head(h)) up.Add(h);
        var down = new List<int> { to };
        int meet = -1;
        for (int t = to; t >= 0; t = Head(t))
        {
            int at = up.IndexOf(t);
            if (at >= 0) { meet = at; break; }
            if (t != to) down.Add(t);
        }
        if (meet < 0) return Word(from) + " ... " + Word(to);
        var parts = new List<string>();
        for (int i = 0; i < meet; i++) parts.Add($"{Word(up[i])} <{Relation(up[i])}");
        parts.Add(Word(up[meet]));
        // down holds the target and its ancestors below the meeting point, nearest the target first.
        for (int i = down.Count - 1; i >= 0; i--)
            if (down[i] != up[meet]) parts.Add($">{Relation(down[i])} {Word(down[i])}");
        return string.Join(' ', parts);
    }

    /// <summary>The first child with this relation, or -1.</summary>
    public int Child(int head, string relation)
    {
        foreach (int c in _children[head])
            if (_sentence.Relations![c] == relation) return c;
        return -1;
    }

    /// <summary>The first obl/nmod child whose case marker is <paramref name="preposition"/>, or -1.</summary>
    public int OblWithCase(int head, string preposition)
    {
        foreach (int c in _children[head])
        {
            var relation = _sentence.Relations![c];
            if (!(relation == "obl" || relation.StartsWith("obl:", StringComparison.Ordinal))) continue;
            int marker = Child(c, "case");
            if (marker >= 0 && string.Equals(_sentence.Lemmas![marker], preposition, StringComparison.OrdinalIgnoreCase)) return c;
        }
        return -1;
    }

    /// <summary>
    /// The head and its conjuncts ("Russia and China"), in sentence order. A name conjoined to a conjunct counts too:
    /// parsers sometimes chain a list ("the neighbours, India and Pakistan": Pakistan under India).
    /// </summary>
    public List<int> WithConjuncts(int head)
    {
        var result = new List<int> { head };
        foreach (int c in _children[head])
        {
            if (_sentence.Relations![c] != "conj") continue;
            result.Add(c);
            foreach (int nested in _children[c])
                if (_sentence.Relations[nested] == "conj" && _sentence.Upos![nested] is "PROPN" or "NOUN") result.Add(nested);
        }
        result.Sort();
        return result;
    }

    /// <summary>Lower-case lemmas of amod/compound modifiers of a noun.</summary>
    public IReadOnlyList<string> Modifiers(int head)
    {
        List<string>? result = null;
        foreach (int c in _children[head])
        {
            var relation = _sentence.Relations![c];
            if (relation is "amod" or "compound") (result ??= []).Add(_sentence.Lemmas![c].ToLowerInvariant());
        }
        return result ?? (IReadOnlyList<string>)[];
    }

    public bool IsNegated(int verb)
    {
        foreach (int c in _children[verb])
        {
            if (_sentence.Relations![c] != "advmod") continue;
            var word = _sentence.Lemmas![c].ToLowerInvariant();
            if (word is "not" or "never" or "n't" || _sentence.Tokens[c].Text.Equals("n't", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>A hypothetical or obligation: a modal auxiliary (may, might, could, would, should, must, can) on the verb.</summary>
    public bool HasModal(int verb) => HasAuxiliary(verb, VerbClasses.IsHypotheticalModal);

    public bool IsQuestion(string text)
    {
        var tokens = _sentence.Tokens;
        for (int i = tokens.Length - 1; i >= 0; i--)
        {
            var t = tokens[i].Text;
            if (t is "\"" or "'" or "”" or "’" or ")") continue;
            return t == "?";
        }
        return false;
    }

    /// <summary>The exact text of the noun phrase a head governs, without clauses, appositions or conjuncts hanging off it.</summary>
    public string PhraseText(string text, int head)
    {
        var (start, end) = PhraseSpan(head);
        return text[start..end];
    }

    /// <summary>The character span of <see cref="PhraseText"/>.</summary>
    public (int Start, int End) PhraseSpan(int head)
    {
        int start = head, end = head;
        Extend(head, top: true, ref start, ref end);
        var tokens = _sentence.Tokens;
        return (tokens[start].Start, tokens[end].End);
    }

    private void Extend(int node, bool top, ref int start, ref int end)
    {
        foreach (int c in _children[node])
        {
            var relation = _sentence.Relations![c];
            // The head's own preposition ("with Tokayev") is not part of the actor's phrase; a possessive's "'s" is.
            if (relation is "conj" or "cc" or "appos" or "punct" or "acl" or "acl:relcl" or "parataxis" || (top && relation == "case")) continue;
            if (c < start) start = c;
            if (c > end) end = c;
            Extend(c, top: false, ref start, ref end);
        }
    }
}
