namespace Dyad.Knowledge.Learning;

/// <summary>One sentence that stated a person's role: the document, the 0-based sentence index, the document date and the text.</summary>
public sealed record LearnedEvidence(string DocumentId, int SentenceIndex, DateOnly Date, string Text);

/// <summary>
/// A person whose role the news itself stated ("Kazakh Foreign Minister Mukhtar Tleuberdi"): the name as written
/// (the PER span), the code the resolver gave the title, the title words and the word heading them ("Minister"), the
/// rule and explanation of that resolution, and every sentence that stated it. See docs/actors.md, "Actors learned
/// from the news".
/// </summary>
public sealed record LearnedActor(
    string Name, string Code, string Title, string TitleHead, string Rule, string Explanation,
    DateOnly FirstSeen, DateOnly LastSeen, IReadOnlyList<LearnedEvidence> Evidence)
{
    /// <summary>The last word of the name, which later mentions use alone ("Tleuberdi").</summary>
    public string Surname => Name[(Name.LastIndexOf(' ') + 1)..];

    /// <summary>True when both records are the same person in the same role (name compared without case).</summary>
    public bool SameRole(LearnedActor other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase) && Code == other.Code;

    /// <summary>This record with the other's evidence added (kept in date order) and the seen dates widened.</summary>
    public LearnedActor Merge(LearnedActor other)
    {
        var evidence = new List<LearnedEvidence>(Evidence);
        foreach (var e in other.Evidence)
            if (!evidence.Contains(e)) evidence.Add(e);
        evidence.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date)
            : string.CompareOrdinal(a.DocumentId, b.DocumentId) is var c && c != 0 ? c : a.SentenceIndex.CompareTo(b.SentenceIndex));
        return this with
        {
            FirstSeen = FirstSeen < other.FirstSeen ? FirstSeen : other.FirstSeen,
            LastSeen = LastSeen > other.LastSeen ? LastSeen : other.LastSeen,
            Evidence = evidence,
        };
    }
}
