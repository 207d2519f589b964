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

    /// <summary>The head and its conjuncts ("Russia and China"), in sentence order.</summary>
    public List<int> WithConjuncts(int head)
    {
        var result = new List<int> { head };
        foreach (int c in _children[head])
            if (_sentence.Relations![c] == "conj") result.Add(c);
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

    /// <summary>A hypothetical: may/might/could/would on the verb.</summary>
    public bool HasModal(int verb)
    {
        foreach (int c in _children[verb])
        {
            if (_sentence.Relations![c] != "aux") continue;
            var word = _sentence.Tokens[c].Text.ToLowerInvariant();
            if (word is "may" or "might" or "could" or "would" or "'d") return true;
        }
        return false;
    }

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
        int start = head, end = head;
        Extend(head, top: true, ref start, ref end);
        var tokens = _sentence.Tokens;
        return text[tokens[start].Start..tokens[end].End];
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
