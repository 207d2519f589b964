using Dyad.Coding;
using Dyad.Store.Ingest;
using Dyad.Text;

namespace Dyad.Server.Ingest;

/// <summary>
/// Codes one document into what the store keeps (sentences, events, learned actors). The CLI supplies it: it owns
/// the models. The server calls it from one request at a time.
/// </summary>
public interface IDocumentCoder
{
    IngestDocument CodeForStore(Document document);

    /// <summary>The document's events, each with the dependency path and decisions that coded it (its explain lines).</summary>
    IReadOnlyList<CodedEvent> Explain(Document document);
}

/// <param name="Documents">Documents read from the request.</param>
/// <param name="Added">Documents newly stored.</param>
/// <param name="AlreadyStored">Documents the store already held (a re-ingest changes nothing).</param>
/// <param name="Mentions">Event mentions stored from the new documents.</param>
/// <param name="NewEvents">Events the mentions created (the rest joined events already stored).</param>
/// <param name="DocIds">Ids of the documents read, in request order.</param>
/// <param name="Skipped">Records that could not be read, each with its file, record and reason.</param>
public sealed record IngestReport(int Documents, int Added, int AlreadyStored, int Mentions, int NewEvents,
    IReadOnlyList<string> DocIds, IReadOnlyList<string> Skipped);
