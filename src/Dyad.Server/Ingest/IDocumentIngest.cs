using Dyad.Text;

namespace Dyad.Server.Ingest;

/// <summary>
/// Codes documents and stores their events. The CLI supplies it (it owns the models and the store); the server only
/// turns uploads into <see cref="Document"/>s and serializes writes.
/// </summary>
public interface IDocumentIngest
{
    IngestReport Ingest(IReadOnlyList<Document> documents);
}

/// <param name="Documents">Documents newly stored.</param>
/// <param name="Unchanged">Documents the store already held (re-ingests change nothing).</param>
/// <param name="Events">Coded events (mentions) stored from the new documents.</param>
/// <param name="DocIds">Ids of every document read from the request, stored or already held.</param>
/// <param name="Skipped">Records that could not be read, each with its file, record and reason.</param>
public sealed record IngestReport(int Documents, int Unchanged, int Events, IReadOnlyList<string> DocIds,
    IReadOnlyList<string> Skipped);
