using System.Data.Common;
using System.Globalization;
using Dyad.Coding;
using DuckDB.NET.Data;
using Dyad.Store.Dedup;
using Dyad.Store.Ingest;

namespace Dyad.Store.DuckDb;

/// <summary>
/// Stores batches of coded documents, one transaction per batch: documents, sentences, mentions, new events, the
/// recounted mention statistics of every event the batch touched, the rollup rows of what changed (EventRollup) and
/// the run's counters commit together or not at all.
/// </summary>
internal sealed class BatchWriter
{
    private readonly DuckDBConnection _connection;
    private readonly DuplicateRule _rule;
    private long _nextDocKey;
    private long _nextEventId;

    public BatchWriter(DuckDBConnection connection, DuplicateRule rule)
    {
        _connection = connection;
        _rule = rule;
        Execute(null, """
            CREATE TEMP TABLE IF NOT EXISTS dedup_probe (source VARCHAR, target VARCHAR, root VARCHAR, negated BOOLEAN, lo DATE, hi DATE);
            CREATE TEMP TABLE IF NOT EXISTS dedup_touched (event_key BIGINT);
            CREATE TEMP TABLE IF NOT EXISTS presence_probe (pos INTEGER, id VARCHAR, content_hash VARCHAR);
            """);
        _nextDocKey = MaxPlusOne("SELECT max(doc_key) FROM documents");
        _nextEventId = MaxPlusOne("SELECT max(id) FROM events");
    }

    /// <summary>
    /// Which of the documents are stored already: one join of the whole list with the documents table, not two
    /// queries per document (a query costs more than the lookup it makes).
    /// </summary>
    public DocumentPresence[] Find(DbTransaction? transaction, IReadOnlyList<(string Id, string ContentHash)> documents)
    {
        var presence = new DocumentPresence[documents.Count];
        if (documents.Count == 0) return presence;
        Execute(transaction, "DELETE FROM presence_probe");
        using (var probe = _connection.CreateAppender("presence_probe"))
            for (int i = 0; i < documents.Count; i++)
                probe.CreateRow().AppendValue(i).AppendValue(documents[i].Id).AppendValue(documents[i].ContentHash).EndRow();
        using var command = Command(transaction, IngestSql.Presence("presence_probe p"));
        using var reader = command.ExecuteReader();
        IngestSql.ReadPresence(reader, presence);
        return presence;
    }

    public long BeginRun(string inputs, string? dyadVersion)
    {
        long id = MaxPlusOne("SELECT max(id) FROM ingest_runs");
        using var command = Command(null, "INSERT INTO ingest_runs (id, started_at, inputs, dyad_version) VALUES ($1, now(), $2, $3)", id, inputs, dyadVersion);
        command.ExecuteNonQuery();
        return id;
    }

    public void FinishRun(long runId, long recordsSkipped)
    {
        using var command = Command(null, "UPDATE ingest_runs SET finished_at = now(), records_skipped = $2 WHERE id = $1", runId, recordsSkipped);
        command.ExecuteNonQuery();
    }

    public IngestBatchResult Write(long runId, IReadOnlyList<IngestDocument> batch)
    {
        using var transaction = _connection.BeginTransaction();
        long docKeyBefore = _nextDocKey, eventIdBefore = _nextEventId;
        try
        {
            var result = WriteIn(transaction, runId, batch);
            transaction.Commit();
            return result;
        }
        catch
        {
            // Nothing of the batch is stored: give its keys back so the next batch numbers on without gaps.
            _nextDocKey = docKeyBefore;
            _nextEventId = eventIdBefore;
            transaction.Rollback();
            throw;
        }
    }

    private IngestBatchResult WriteIn(DbTransaction transaction, long runId, IReadOnlyList<IngestDocument> batch)
    {
        long docKeyBefore = _nextDocKey, eventIdBefore = _nextEventId;
        var plan = IngestPlan.Accept(batch, Find(transaction, batch.Select(d => (d.Document.Id, d.ContentHash)).ToList()), _rule);
        var accepted = plan.Accepted.Select(doc => (doc, _nextDocKey++)).ToList();
        plan.Match(LoadCandidates(transaction, plan.Mentions));
        var eventIds = new long[plan.NewEvents.Count];
        for (int i = 0; i < eventIds.Length; i++) eventIds[i] = _nextEventId++;
        plan.Number(eventIds);

        AppendDocuments(runId, accepted);
        AppendMentions(accepted, plan.MentionEvents);
        AppendEvents(plan.NewEvents, plan.CountNewEvents());
        // New events were appended with their final counts; only older events that mentions joined are recounted.
        Recount(transaction, plan.TouchedBefore(eventIdBefore));
        Execute(transaction, EventRollup.AppendBatch(eventIdBefore, docKeyBefore));
        using (var run = Command(transaction, """
            UPDATE ingest_runs SET documents_added = documents_added + $2, documents_already_stored = documents_already_stored + $3,
                   mentions_added = mentions_added + $4, events_added = events_added + $5 WHERE id = $1
            """, runId, accepted.Count, batch.Count - accepted.Count, plan.MentionEvents.Count, plan.NewEvents.Count))
            run.ExecuteNonQuery();
        return new IngestBatchResult(plan.Presence, accepted.Count, plan.MentionEvents.Count, plan.NewEvents.Count, plan.Merged);
    }

    /// <summary>
    /// Loads the stored events any mention of the batch could merge into: one join of the batch's keys and date
    /// windows against the events table, rather than a query per mention.
    /// </summary>
    private EventMatcher LoadCandidates(DbTransaction transaction, List<PlannedMention> mentions)
    {
        var matcher = new EventMatcher(_rule);
        if (mentions.Count == 0) return matcher;
        Execute(transaction, "DELETE FROM dedup_probe");
        using (var probe = _connection.CreateAppender("dedup_probe"))
            foreach (var (key, date, _) in mentions)
                probe.CreateRow().AppendValue(key.Source).AppendValue(key.Target).AppendValue(key.Root).AppendValue(key.Negated)
                    .AppendValue(date.AddDays(-_rule.WindowDays)).AppendValue(date.AddDays(_rule.WindowDays)).EndRow();
        using var command = Command(transaction, IngestSql.Candidates(_rule, "dedup_probe p"));
        using var reader = command.ExecuteReader();
        IngestSql.AddCandidates(reader, _rule, matcher);
        return matcher;
    }

    private void AppendDocuments(long runId, List<(IngestDocument Doc, long Key)> accepted)
    {
        using (var documents = _connection.CreateAppender("documents"))
            foreach (var (doc, key) in accepted)
            {
                var d = doc.Document;
                documents.CreateRow().AppendValue(key).AppendValue(d.Id).AppendValue(doc.ContentHash).AppendValue(d.Date)
                    .AppendValue(d.Url).AppendValue(d.Source).AppendValue(d.Title).AppendValue(d.Language)
                    .AppendValue(d.Text.Length).AppendValue(runId).EndRow();
            }
        using (var sentences = _connection.CreateAppender("sentences"))
            foreach (var (doc, key) in accepted)
                foreach (var s in doc.Sentences)
                    sentences.CreateRow().AppendValue(key).AppendValue(s.Index).AppendValue(s.Start).AppendValue(s.End)
                        .AppendValue(doc.Document.Text[s.Start..s.End]).EndRow();
        using (var learned = _connection.CreateAppender("learned_actors"))
            foreach (var (doc, key) in accepted)
                foreach (var a in doc.LearnedActors)
                    foreach (var ev in a.Evidence)
                        learned.CreateRow().AppendValue(key).AppendValue(a.Name).AppendValue(a.Code).AppendValue(a.Title)
                            .AppendValue(a.TitleHead).AppendValue(a.Rule).AppendValue(a.Explanation).AppendValue(ev.SentenceIndex)
                            .AppendValue(ev.Date).AppendValue(ev.Text).EndRow();
        AppendMarks(accepted);
    }

    /// <summary>Entities and quotes, in the batch's transaction like the rest of the document.</summary>
    private void AppendMarks(List<(IngestDocument Doc, long Key)> accepted)
    {
        using (var entities = _connection.CreateAppender("entities"))
            foreach (var (doc, key) in accepted)
                foreach (var e in doc.Marks.Entities)
                    entities.CreateRow().AppendValue(key).AppendValue(e.SentenceIndex).AppendValue(e.CharStart).AppendValue(e.CharEnd)
                        .AppendValue(e.Type).AppendValue(e.Actor).EndRow();
        using var quotes = _connection.CreateAppender("quotes");
        foreach (var (doc, key) in accepted)
            foreach (var q in doc.Marks.Quotes)
                quotes.CreateRow().AppendValue(key).AppendValue(q.SentenceIndex).AppendValue(q.CharStart).AppendValue(q.CharEnd)
                    .AppendValue(q.Speaker).AppendValue(q.SpeakerActor).AppendValue(q.SpeakerStart).AppendValue(q.SpeakerEnd).EndRow();
    }

    private void AppendMentions(List<(IngestDocument Doc, long Key)> accepted, List<long> eventKeys)
    {
        using var mentions = _connection.CreateAppender("mentions");
        int next = 0;
        foreach (var (doc, key) in accepted)
            foreach (var e in doc.Events)
                CodedEventAppender.Append(mentions.CreateRow().AppendValue(eventKeys[next++]).AppendValue(key), e).EndRow();
    }

    /// <summary>New events with their mention statistics (<see cref="IngestPlan.CountNewEvents"/>), in the same order.</summary>
    private void AppendEvents(List<NewEvent> created, List<MentionCounts> counts)
    {
        using var events = _connection.CreateAppender("events");
        for (int i = 0; i < created.Count; i++)
        {
            var (id, date, coding, doc) = created[i];
            var c = counts[i];
            var row = events.CreateRow().AppendValue(id).AppendValue(date);
            CodedEventAppender.Append(row, coding).AppendValue(c.Mentions).AppendValue(c.Sources).AppendValue(c.Articles)
                .AppendValue(c.FirstSeen).AppendValue(c.LastSeen).AppendValue(doc.Document.Url).EndRow();
        }
    }

    /// <summary>
    /// Recomputes mention, article and source counts and first/last seen of the touched events from their mentions.
    /// Documents without an outlet name count together as one unknown source.
    /// </summary>
    private void Recount(DbTransaction transaction, HashSet<long> touched)
    {
        if (touched.Count == 0) return;
        Execute(transaction, "DELETE FROM dedup_touched");
        using (var appender = _connection.CreateAppender("dedup_touched"))
            foreach (var id in touched) appender.CreateRow().AppendValue(id).EndRow();
        Execute(transaction, IngestSql.Recount("dedup_touched"));
    }

    private long MaxPlusOne(string sql)
    {
        using var command = Command(null, sql);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 1 : Convert.ToInt64(value, CultureInfo.InvariantCulture) + 1;
    }

    private DuckDBCommand Command(DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = (DuckDBTransaction?)transaction;
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        return command;
    }

    private void Execute(DbTransaction? transaction, string sql)
    {
        using var command = Command(transaction, sql);
        command.ExecuteNonQuery();
    }
}
