using System.Data.Common;
using System.Globalization;
using Dyad.Coding;
using Dyad.Store.DuckDb;
using DuckDB.NET.Data;

namespace Dyad.Store.Query;

/// <summary>Matching events per quad class between two actors (an edge of the actor network).</summary>
public sealed record ActorLink(string Source, string Target, int Quad, long Events);

/// <summary>An actor code with the name the coder gave it most often and its matching events.</summary>
public sealed record NamedActor(string Code, string? Name, long Events);

/// <summary>One place events happened at, with counts per quad class.</summary>
public sealed record PlaceEvents(string? Name, string? Country, double Lat, double Lon, long Events, long Quad1, long Quad2, long Quad3, long Quad4);

/// <summary>One sentence of a stored document with its offsets into the document text.</summary>
public sealed record StoredSentence(int Index, int Start, int End, string Text);

/// <summary>A mention inside a document, with the stored event it was merged into.</summary>
public sealed record DocumentMention(long EventId, CodedEvent Mention);

/// <summary>A stored document: its metadata, its sentences and every event mention coded from it.</summary>
public sealed record StoredDocument(string Id, DateOnly Date, string? Title, string? Source, string? Url, int Length,
    IReadOnlyList<StoredSentence> Sentences, IReadOnlyList<DocumentMention> Mentions);

/// <summary>
/// The queries a browsing client needs beyond <see cref="IEventStore"/>'s query, stats and top: match counts for
/// paging, single events and documents, actor names, the actor network and places. Parameterised SQL over the same
/// filters (<see cref="EventFilterSql"/>). Not thread-safe, like the store's connection it uses.
/// </summary>
public sealed class BrowseQueries(DuckDbEventStore store)
{
    private DuckDBConnection Connection => store.Connection;

    /// <summary>How many events match the filters (paging totals); limit and offset are ignored.</summary>
    public long Count(EventQuery filter)
    {
        using var command = Connection.CreateCommand();
        if (EventFilterSql.OnlyWords(filter))
        {
            // The id range bounds the bitstring the matching mentions are counted in; min and max come from statistics.
            using var range = Connection.CreateCommand();
            range.CommandText = "SELECT min(id), max(id) FROM events";
            using var reader = range.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0)) return 0;
            command.CommandText = EventFilterSql.CountWordEvents(filter, command.Parameters, reader.GetInt64(0), reader.GetInt64(1));
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        command.CommandText = EventRollup.Answers(filter)
            ? RollupSql.Count(EventFilterSql.RollupRows(filter, command.Parameters))
            : $"SELECT count(*) FROM events e {EventFilterSql.Where(filter, command.Parameters)}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The event with this id, or null.</summary>
    public StoredEvent? Event(long id)
    {
        using var command = Connection.CreateCommand();
        command.Parameters.Add(new DuckDBParameter(id));
        command.CommandText = $"""
            SELECT e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, e.source_url, {CodedEventColumns.SelectList("e")}
            FROM events e WHERE e.id = $1
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new StoredEvent(id, CodedEventColumns.Read(reader, 6), reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2),
            reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4), Text(reader, 5));
    }

    /// <summary>The name each code was given most often in the events (as source or target).</summary>
    public IReadOnlyDictionary<string, string> NamesOf(IReadOnlyCollection<string> codes)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (codes.Count == 0) return names;
        using var command = Connection.CreateCommand();
        var list = new List<string>();
        foreach (var code in codes)
        {
            command.Parameters.Add(new DuckDBParameter(code));
            list.Add("$" + command.Parameters.Count);
        }
        var inList = string.Join(", ", list);
        command.CommandText = $"""
            SELECT code, mode(name) FROM (
              SELECT source AS code, source_name AS name FROM events WHERE source IN ({inList}) AND source_name IS NOT NULL
              UNION ALL
              SELECT target, target_name FROM events WHERE target IN ({inList}) AND target_name IS NOT NULL)
            GROUP BY code
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read()) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }

    /// <summary>Actor codes starting with <paramref name="prefix"/>, in the most events first.</summary>
    public IReadOnlyList<NamedActor> ActorsStartingWith(string prefix, int limit)
    {
        using var command = Connection.CreateCommand();
        command.Parameters.Add(new DuckDBParameter(prefix));
        command.CommandText = $"""
            SELECT code, mode(name), count(*) AS n FROM (
              SELECT source AS code, source_name AS name FROM events WHERE starts_with(source, $1)
              UNION ALL
              SELECT target, target_name FROM events WHERE starts_with(target, $1))
            GROUP BY code ORDER BY n DESC, code LIMIT {limit}
            """;
        var actors = new List<NamedActor>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) actors.Add(new NamedActor(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), Long(reader, 2)));
        return actors;
    }

    /// <summary>
    /// The <paramref name="maxNodes"/> actors in the most matching events, and the events between any two of them
    /// per direction and quad class.
    /// </summary>
    public (IReadOnlyList<NamedActor> Nodes, IReadOnlyList<ActorLink> Links) Network(EventQuery filter, int maxNodes)
    {
        var nodes = store.Top(TopKind.Actors, filter with { Limit = int.MaxValue, Offset = 0 }, maxNodes);
        var codes = nodes.Select(n => n.Key).ToList();
        var names = NamesOf(codes);
        var links = new List<ActorLink>();
        if (codes.Count > 0)
        {
            using var command = Connection.CreateCommand();
            bool rollup = EventRollup.Answers(filter);
            var where = rollup ? EventFilterSql.RollupRows(filter, command.Parameters) : EventFilterSql.Where(filter, command.Parameters);
            var list = new List<string>();
            foreach (var code in codes)
            {
                command.Parameters.Add(new DuckDBParameter(code));
                list.Add("$" + command.Parameters.Count);
            }
            var inList = string.Join(", ", list);
            var and = where.Length == 0 ? "WHERE" : where + " AND";
            command.CommandText = rollup ? RollupSql.Links(where, inList) : $"""
                SELECT e.source, e.target, e.quad, count(*) FROM events e
                {and} e.source IN ({inList}) AND e.target IN ({inList}) AND e.source <> e.target
                GROUP BY e.source, e.target, e.quad ORDER BY e.source, e.target, e.quad
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                links.Add(new ActorLink(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Long(reader, 3)));
        }
        return (nodes.Select(n => new NamedActor(n.Key, names.GetValueOrDefault(n.Key), n.Events)).ToList(), links);
    }

    /// <summary>Places with coordinates where matching events happened, busiest first.</summary>
    public IReadOnlyList<PlaceEvents> Places(EventQuery filter, int limit)
    {
        using var command = Connection.CreateCommand();
        var where = EventFilterSql.Where(filter, command.Parameters);
        var and = where.Length == 0 ? "WHERE" : where + " AND";
        command.CommandText = $"""
            SELECT e.place_name, e.country, e.lat, e.lon, count(*) AS n,
                   count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2),
                   count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4)
            FROM events e {and} e.lat IS NOT NULL AND e.lon IS NOT NULL
            GROUP BY e.place_name, e.country, e.lat, e.lon ORDER BY n DESC, e.place_name LIMIT {limit}
            """;
        var places = new List<PlaceEvents>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            places.Add(new PlaceEvents(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetDouble(2), reader.GetDouble(3), Long(reader, 4), Long(reader, 5), Long(reader, 6), Long(reader, 7), Long(reader, 8)));
        return places;
    }

    /// <summary>The stored document with this id, its sentences and mentions, or null.</summary>
    public StoredDocument? Document(string id)
    {
        long docKey;
        StoredDocument document;
        using (var command = Connection.CreateCommand())
        {
            command.Parameters.Add(new DuckDBParameter(id));
            command.CommandText = "SELECT doc_key, id, date, title, source, url, length FROM documents WHERE id = $1";
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            docKey = reader.GetInt64(0);
            document = new StoredDocument(reader.GetString(1), reader.GetFieldValue<DateOnly>(2), Text(reader, 3), Text(reader, 4),
                Text(reader, 5), reader.GetInt32(6), [], []);
        }
        var sentences = new List<StoredSentence>();
        // The document's key as a literal (a number read from the store): DuckDB then skips every row group of sentences
        // and mentions but the one or two holding it, since both are appended in document order.
        using (var command = Connection.CreateCommand())
        {
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT sentence_index, char_start, char_end, text FROM sentences WHERE doc_key = {docKey} ORDER BY sentence_index");
            using var reader = command.ExecuteReader();
            while (reader.Read()) sentences.Add(new StoredSentence(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3)));
        }
        var mentions = new List<DocumentMention>();
        using (var command = Connection.CreateCommand())
        {
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT m.event_key, {CodedEventColumns.SelectList("m")} FROM mentions m WHERE m.doc_key = {docKey} ORDER BY m.sentence_index, m.char_start");
            using var reader = command.ExecuteReader();
            while (reader.Read()) mentions.Add(new DocumentMention(reader.GetInt64(0), CodedEventColumns.Read(reader, 1)));
        }
        return document with { Sentences = sentences, Mentions = mentions };
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
}
