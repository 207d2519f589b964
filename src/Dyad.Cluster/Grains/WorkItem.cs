using Dyad.Text;

namespace Dyad.Cluster.Grains;

/// <summary>A document as it travels to a silo: the fields of <see cref="Document"/>, in a wire-stable shape.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkDocument(string Id, DateOnly Date, string Text, string? Title, string? Url, string? Source, string? Language)
{
    public static WorkDocument From(Document d) => new(d.Id, d.Date, d.Text, d.Title, d.Url, d.Source, d.Language);

    public Document ToDocument() => new(Id, Date, Text) { Title = Title, Url = Url, Source = Source, Language = Language };
}

/// <summary>
/// A slice of the input that one silo codes and stores in one store transaction. <see cref="Sequence"/> numbers
/// items in input order within a submission.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkItem(long RunId, int Sequence, WorkDocument[] Documents);

/// <summary>A work item coded and held by a silo, waiting for its commit.</summary>
/// <param name="ToStore">Documents coded (the rest were stored already, or could not be coded).</param>
[GenerateSerializer, Immutable]
public sealed record ItemPrepared(string Silo, int Documents, int ToStore);

/// <summary>What storing one work item did. Returned only after the store committed it.</summary>
/// <param name="Silo">The silo that coded it.</param>
/// <param name="Failures">Documents that could not be coded, each "id: reason"; the rest of the item is stored.</param>
[GenerateSerializer, Immutable]
public sealed record ItemResult(string Silo, int Documents, int Added, int AlreadyStored, int Mentions, int NewEvents,
    int Merged, string[] Failures);

/// <summary>One silo's counters since it started, for <c>dyad cluster status</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloReport(string Silo, string Host, int Threads, int Busy, int Waiting, long Items, long Documents,
    long Added, long Failures, double Seconds)
{
    public double DocumentsPerSecond => Seconds > 0 ? Documents / Seconds : 0;
}

/// <summary>A submitter's progress as it last posted it to the <see cref="ISubmissionBoardGrain"/>.</summary>
/// <param name="Queued">Items read but not yet sent, including retries (the queue depth).</param>
[GenerateSerializer, Immutable]
public sealed record SubmissionProgress(string Id, string Inputs, DateTime Started, DateTime Updated, int ItemsRead,
    int Acknowledged, int InFlight, int Queued, int Retries, long Documents, long Added, long Failures, bool Finished)
{
    public double DocumentsPerSecond => (Updated - Started).TotalSeconds is > 0 and var s ? Documents / s : 0;
}
