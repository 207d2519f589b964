using Dyad.Coding;
using Dyad.Knowledge.Learning;
using Dyad.Text;

namespace Dyad.Store.Ingest;

/// <summary>One sentence's place in its document text.</summary>
public readonly record struct SentenceSpan(int Index, int Start, int End);

/// <summary>A document with everything coding made of it, ready to be stored in one piece.</summary>
public sealed record IngestDocument(
    Document Document,
    IReadOnlyList<SentenceSpan> Sentences,
    IReadOnlyList<CodedEvent> Events,
    IReadOnlyList<LearnedActor> LearnedActors)
{
    /// <summary>The document's named entities and quotes for the document view; none unless the coder read them.</summary>
    public DocumentMarks Marks { get; init; } = DocumentMarks.None;

    /// <summary>SHA-256 of the text (first 16 bytes, hex): finds the same document again when its id differs.</summary>
    public string ContentHash { get; } = ContentHashes.Of(Document.Text);
}

/// <summary>The content hash the store keys documents on besides their id.</summary>
public static class ContentHashes
{
    public static string Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}

/// <summary>Whether a document is new to the store, and if not, why it is not stored again.</summary>
public enum DocumentPresence
{
    /// <summary>Not in the store.</summary>
    New,
    /// <summary>A document with this id and the same text is stored.</summary>
    SameId,
    /// <summary>A document with this id but another text is stored: the new one is skipped (ids must be unique).</summary>
    IdConflict,
    /// <summary>The same text is stored under another id (a re-read input whose ids were derived, or a copy).</summary>
    SameContent,
}

/// <summary>What one stored batch added.</summary>
/// <param name="Presence">Per input document, in batch order: New when this batch stored it.</param>
public sealed record IngestBatchResult(IReadOnlyList<DocumentPresence> Presence, int DocumentsAdded, int MentionsAdded, int EventsAdded, int MentionsMerged);
