using System.Globalization;
using Dyad.Coding;
using Dyad.Server.Ingest;
using Dyad.Text;

namespace Dyad.Server.Queries;

/// <summary>
/// How an event was coded, step by step: the source and target found, the dependency path between them and the
/// decisions on the way (the lines of <c>dyad code --explain</c>).
/// </summary>
/// <param name="Recoded">Whether coding the document again gave this event; false when the models changed since.</param>
/// <param name="Path">The dependency path from source to target through the verb ("Russia &lt;nsubj- threatened -obj&gt; Ukraine").</param>
public sealed record EventExplanation(long EventId, string DocId, int SentenceIndex, string? Rule, bool Recoded, string? Path,
    IReadOnlyList<string> Steps);

/// <summary>
/// The store keeps each mention's rule but not its parse, so an explanation codes the event's first document again,
/// with explanations on (same models, the text laid at the same offsets), and takes the trace of the same event.
/// Nothing is kept: a document codes in tens of milliseconds once the models are loaded.
/// </summary>
public sealed class EventExplanations(DashboardData data, IDocumentCoder coder)
{
    private const string PathPrefix = "path: ";

    /// <summary>The explanation of the event with this id, or null when there is no such event.</summary>
    public EventExplanation? Explain(long id)
    {
        if (data.Event(id) is not { } detail) return null;
        var coding = detail.Coding;
        var again = data.Document(coding.DocId) is { } stored ? FindAgain(stored, coding) : null;
        if (again?.Explain is not { } steps) return new EventExplanation(id, coding.DocId, coding.SentenceIndex, coding.Rule, false, null, []);
        string? path = null;
        foreach (var step in steps)
            if (step.StartsWith(PathPrefix, StringComparison.Ordinal)) path = step[PathPrefix.Length..];
        return new EventExplanation(id, coding.DocId, coding.SentenceIndex, coding.Rule, true, path, steps);
    }

    private CodedEvent? FindAgain(DocumentDetail stored, CodedEvent coding)
    {
        var date = DateOnly.ParseExact(stored.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var document = new Document(stored.Id, date, stored.Text) { Title = stored.Title, Source = stored.Outlet, Url = stored.Url };
        CodedEvent? sameCoding = null;
        foreach (var e in coder.Explain(document))
        {
            if (e.SentenceIndex != coding.SentenceIndex || e.Code != coding.Code || e.Source != coding.Source || e.Target != coding.Target) continue;
            // Same evidence span first; a sentence may hold the same coding twice.
            if (e.CharStart == coding.CharStart && e.CharEnd == coding.CharEnd) return e;
            sameCoding ??= e;
        }
        return sameCoding;
    }
}
