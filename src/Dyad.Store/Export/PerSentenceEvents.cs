using Dyad.Coding;

namespace Dyad.Store.Export;

/// <summary>
/// Presents <c>dyad code</c>'s per-sentence events as stored events, so the store formats can write them without a
/// store: each is its own event with one mention in one document, numbered in output order.
/// </summary>
public sealed class PerSentenceEvents
{
    private long _next = 1;

    /// <param name="published">The document's publication date.</param>
    /// <param name="url">The document's URL, when it has one.</param>
    public StoredEvent Wrap(CodedEvent e, DateOnly published, string? url) =>
        new(_next++, e, NumMentions: 1, NumSources: 1, NumArticles: 1, FirstSeen: published, LastSeen: published, SourceUrl: url);
}
