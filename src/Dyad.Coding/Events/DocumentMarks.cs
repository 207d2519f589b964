namespace Dyad.Coding;

/// <summary>
/// A named entity the recognizer found: character offsets into the document text, its type (PER, ORG, LOC) and the
/// actor code the resolver gives it in this document, or null when none is known.
/// </summary>
public sealed record EntityMention(int SentenceIndex, int CharStart, int CharEnd, string Type, string? Actor);

/// <summary>
/// A quotation: the span from its opening to its closing mark (marks included) and, when a reporting verb names one,
/// who says it: the speaker's words (offsets into the document text) and their actor code when it resolves.
/// <paramref name="SentenceIndex"/> is the sentence the quote opens in.
/// </summary>
public sealed record QuoteMention(int SentenceIndex, int CharStart, int CharEnd, string? Speaker, string? SpeakerActor,
    int? SpeakerStart, int? SpeakerEnd);

/// <summary>What a reader of the document sees besides its events: its named entities and its quotes, in text order.</summary>
public sealed record DocumentMarks(IReadOnlyList<EntityMention> Entities, IReadOnlyList<QuoteMention> Quotes)
{
    public static DocumentMarks None { get; } = new([], []);
}
