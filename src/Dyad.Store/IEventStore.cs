namespace Dyad.Store;

/// <summary>
/// What the CLI, the HTTP server and the cluster need from an event store. Store-neutral on purpose: the embedded
/// DuckDB store implements it today, a PostgreSQL store later.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Every deduplicated event in store order (by <see cref="StoredEvent.Id"/>), streamed.</summary>
    IEnumerable<StoredEvent> ReadEvents();

    /// <summary>Every mention in store order (by event, then document and sentence), streamed.</summary>
    IEnumerable<StoredMention> ReadMentions();
}
