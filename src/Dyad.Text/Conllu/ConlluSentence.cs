namespace Dyad.Text.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (an integer-ID line). Columns keep "_" for unknown values.</summary>
public sealed class ConlluWord
{
    public int Id { get; set; }
    public string Form { get; set; } = "_";
    public string Lemma { get; set; } = "_";
    public string Upos { get; set; } = "_";
    public string Xpos { get; set; } = "_";
    public string Feats { get; set; } = "_";
    /// <summary>Head word ID, 0 for the root, -1 when the column is "_".</summary>
    public int Head { get; set; } = -1;
    public string Deprel { get; set; } = "_";
    public string Deps { get; set; } = "_";
    public string Misc { get; set; } = "_";

    /// <summary>False when MISC says SpaceAfter=No.</summary>
    public bool SpaceAfter => !ConlluMisc.Has(Misc, "SpaceAfter=No");
}

/// <summary>A multi-word token line ("1-2 don't"): one surface token split into several syntactic words.</summary>
public sealed record ConlluMultiwordToken(int First, int Last, string Form, string Misc)
{
    public bool SpaceAfter => !ConlluMisc.Has(Misc, "SpaceAfter=No");
}

/// <summary>
/// A CoNLL-U sentence: comment lines, words, multi-word tokens and (kept verbatim, not interpreted) empty nodes.
/// </summary>
public sealed class ConlluSentence
{
    public List<string> Comments { get; } = new();
    public List<ConlluWord> Words { get; } = new();
    public List<ConlluMultiwordToken> MultiwordTokens { get; } = new();
    /// <summary>Empty-node lines ("8.1 ...") in their original text, written back after the word they follow.</summary>
    public List<(int AfterWord, string Line)> EmptyNodes { get; } = new();

    /// <summary>1-based line number of the sentence's first line in its file, for error messages.</summary>
    public int LineNumber { get; set; }

    public string? Text => Comment("text");
    public string? SentenceId => Comment("sent_id");
    public string? NewDocumentId => Comment("newdoc id");
    public bool StartsParagraph => Comments.Exists(c => c.StartsWith("# newpar", StringComparison.Ordinal));

    /// <summary>Value of a "# key = value" comment, or null.</summary>
    public string? Comment(string key)
    {
        foreach (var c in Comments)
        {
            if (!c.StartsWith('#')) continue;
            var body = c.AsSpan(1).TrimStart();
            if (!body.StartsWith(key, StringComparison.Ordinal)) continue;
            var rest = body[key.Length..].TrimStart();
            if (rest.Length > 0 && rest[0] == '=') return rest[1..].Trim().ToString();
        }
        return null;
    }

    /// <summary>The multi-word token that starts at word <paramref name="id"/>, if any.</summary>
    public ConlluMultiwordToken? MultiwordStartingAt(int id)
    {
        foreach (var m in MultiwordTokens)
            if (m.First == id) return m;
        return null;
    }
}

internal static class ConlluMisc
{
    public static bool Has(string misc, string item)
    {
        if (misc == "_") return false;
        foreach (var part in misc.Split('|'))
            if (part == item) return true;
        return false;
    }
}
