namespace Dyad.Coding.Lexicon;

/// <summary>Which actor, if any, a pattern slot must hold, and the role that actor plays in the event.</summary>
public enum ActorSlot { None, Actor, Source, Target }

/// <summary>
/// A word slot of a pattern: alternative head lemmas and word classes ("aid|&amp;food"), optional modifiers that must
/// also be present ("aid+financial", "treaty+&amp;defense"), or an actor ("@target"). Written and parsed in the lexicon TSV syntax.
/// </summary>
public sealed class Term
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>[] _classes;
    private readonly HashSet<string>?[] _modifierClasses;

    private Term(string text, HashSet<string> words, string[] classNames, HashSet<string>[] classes, string[] modifiers, HashSet<string>?[] modifierClasses, ActorSlot actor)
    {
        _modifierClasses = modifierClasses;
        Text = text;
        _words = words;
        ClassNames = classNames;
        _classes = classes;
        Modifiers = modifiers;
        Actor = actor;
    }

    public string Text { get; }
    public IReadOnlyCollection<string> Words => _words;
    public IReadOnlyList<string> ClassNames { get; }
    public IReadOnlyList<string> Modifiers { get; }
    public ActorSlot Actor { get; }

    /// <summary>How much this slot narrows a pattern: a word more than a class, each modifier a little more.</summary>
    public int Specificity => (Actor != ActorSlot.None ? 1 : _words.Count > 0 ? 2 : 1) + Modifiers.Count;

    public bool Matches(string? lemma, IReadOnlyList<string> modifiers, bool isActor)
    {
        if (Actor != ActorSlot.None) return isActor;
        if (lemma == null || !MatchesWord(lemma)) return false;
        for (int i = 0; i < _modifierClasses.Length; i++)
            if (!HasModifier(modifiers, Modifiers[i], _modifierClasses[i])) return false;
        return true;
    }

    public bool MatchesWord(string lemma)
    {
        if (_words.Contains(lemma)) return true;
        foreach (var c in _classes)
            if (c.Contains(lemma)) return true;
        return false;
    }

    /// <summary>Parses "word|word|&amp;class+modifier" or "@actor", "@source", "@target"; null with an error message when malformed.</summary>
    public static Term? Parse(string text, IReadOnlyDictionary<string, HashSet<string>> classes, out string? error)
    {
        error = null;
        switch (text)
        {
            case "@actor": return new Term(text, [], [], [], [], [], ActorSlot.Actor);
            case "@source": return new Term(text, [], [], [], [], [], ActorSlot.Source);
            case "@target": return new Term(text, [], [], [], [], [], ActorSlot.Target);
        }
        var parts = text.Split('+');
        var words = new HashSet<string>(StringComparer.Ordinal);
        var classNames = new List<string>();
        var classSets = new List<HashSet<string>>();
        foreach (var alternative in parts[0].Split('|'))
        {
            if (alternative.StartsWith('&'))
            {
                if (!classes.TryGetValue(alternative, out var set)) { error = $"unknown word class {alternative}"; return null; }
                classNames.Add(alternative);
                classSets.Add(set);
            }
            else if (IsWord(alternative)) AddWithVariants(words, alternative);
            else { error = $"malformed word \"{alternative}\" in \"{text}\""; return null; }
        }
        var modifiers = parts.Skip(1).ToArray();
        var modifierClasses = new HashSet<string>?[modifiers.Length];
        for (int i = 0; i < modifiers.Length; i++)
        {
            var m = modifiers[i];
            if (m.StartsWith('&'))
            {
                if (!classes.TryGetValue(m, out modifierClasses[i])) { error = $"unknown word class {m}"; return null; }
            }
            else if (!IsWord(m)) { error = $"malformed modifier \"{m}\" in \"{text}\""; return null; }
        }
        return new Term(text, words, classNames.ToArray(), classSets.ToArray(), modifiers, modifierClasses, ActorSlot.None);
    }

    /// <summary>A lexicon word: lower-case letters, digits, hyphens and apostrophes.</summary>
    public static bool IsWord(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
            if (!(char.IsLower(c) || char.IsDigit(c) || c == '-' || c == '\'' || c == '.')) return false;
        return true;
    }

    /// <summary>
    /// Adds a word and, for plural-looking nouns, its singular: PETRARCH patterns name surface forms ("SANCTIONS",
    /// "TALKS") while the coder matches lemmas, and lemmatizers differ on pluralia tantum.
    /// </summary>
    public static void AddWithVariants(HashSet<string> words, string word)
    {
        words.Add(word);
        var singular = Singular(word);
        if (singular != null) words.Add(singular);
        // "ties", "lies": a short "-ies" plural drops only its "s".
        if (singular != null && word.EndsWith("ies", StringComparison.Ordinal)) words.Add(word[..^1]);
    }

    internal static string? Singular(string w)
    {
        if (w.Length < 4 || !w.EndsWith('s') || w.EndsWith("ss", StringComparison.Ordinal) || w.EndsWith("us", StringComparison.Ordinal) || w.EndsWith("is", StringComparison.Ordinal)) return null;
        if (w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)) return w[..^2];
        return w[..^1];
    }

    /// <summary>A required modifier is a word, or a class (&amp;weapon) any member of which will do.</summary>
    private static bool HasModifier(IReadOnlyList<string> given, string word, HashSet<string>? wordClass)
    {
        for (int i = 0; i < given.Count; i++)
            if (wordClass != null ? wordClass.Contains(given[i]) : given[i] == word) return true;
        return false;
    }

    public override string ToString() => Text;
}
