using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dyad.Store.Dedup;
using Dyad.Store.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace Dyad.Store.Postgres;

/// <summary>
/// Stores batches of coded documents in PostgreSQL, one transaction per batch, safely beside other processes writing
/// the same database. Before deciding anything a batch takes transaction-scoped advisory locks on what it could
/// collide on — its documents' ids and content hashes and its mentions' duplicate keys — in ascending order (so two
/// writers never wait on each other in a cycle). A writer that needs a key another holds waits for that commit and
/// then sees its rows, so deduplication decides exactly as if the batches had run one after the other.
/// </summary>
internal sealed class PostgresBatchWriter(NpgsqlDataSource source, DuplicateRule rule)
{
    public DocumentPresence[] Find(IReadOnlyList<(string Id, string ContentHash)> documents)
    {
        using var connection = source.OpenConnection();
        return Find(connection, documents);
    }

    /// <summary>Which of the documents are stored already: one join of the whole list (sent as arrays) with documents.</summary>
    private static DocumentPresence[] Find(NpgsqlConnection connection, IReadOnlyList<(string Id, string ContentHash)> documents)
    {
        var presence = new DocumentPresence[documents.Count];
        if (documents.Count == 0) return presence;
        using var batch = new NpgsqlBatch(connection) { BatchCommands = { PresenceCommand(documents) } };
        using var reader = batch.ExecuteReader();
        IngestSql.ReadPresence(reader, presence);
        return presence;
    }

    private static NpgsqlBatchCommand PresenceCommand(IReadOnlyList<(string Id, string ContentHash)> documents)
    {
        var positions = new int[documents.Count];
        var ids = new string[documents.Count];
        var hashes = new string[documents.Count];
        for (int i = 0; i < documents.Count; i++) (positions[i], ids[i], hashes[i]) = (i, documents[i].Id, documents[i].ContentHash);
        return BatchCommand(IngestSql.Presence("unnest($1::integer[], $2::text[], $3::text[]) AS p(pos, id, content_hash)"),
            positions, ids, hashes);
    }

    public long BeginRun(string inputs, string? dyadVersion)
    {
        using var connection = source.OpenConnection();
        using var command = Command(connection, "INSERT INTO ingest_runs (started_at, inputs, dyad_version) VALUES (now(), $1, $2) RETURNING id",
            inputs, dyadVersion);
        return (long)command.ExecuteScalar()!;
    }

    public void FinishRun(long runId, long recordsSkipped)
    {
        using var connection = source.OpenConnection();
        using var command = Command(connection, "UPDATE ingest_runs SET finished_at = now(), records_skipped = $2 WHERE id = $1", runId, recordsSkipped);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// One transaction in few round trips (each costs both processes a wake-up): locks, presence and document keys
    /// in one batch; the dedup candidates; the event numbers; one binary COPY per table with rows; the recount and the
    /// run's counters in one batch; the commit.
    /// </summary>
    public IngestBatchResult Write(long runId, IReadOnlyList<IngestDocument> batch)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var keys = new (string Id, string ContentHash)[batch.Count];
        for (int i = 0; i < batch.Count; i++) keys[i] = (batch[i].Document.Id, batch[i].ContentHash);
        DocumentPresence[] presence;
        long[] docKeys;
        using (var opening = new NpgsqlBatch(connection))
        {
            opening.BatchCommands.Add(LockCommand(batch));
            opening.BatchCommands.Add(PresenceCommand(keys));
            // Keys for every document of the batch; those of skipped documents stay unused (the sequence has gaps anyway).
            opening.BatchCommands.Add(ReserveCommand("doc_keys", batch.Count));
            using var reader = opening.ExecuteReader();
            reader.NextResult();
            presence = new DocumentPresence[batch.Count];
            IngestSql.ReadPresence(reader, presence);
            reader.NextResult();
            docKeys = ReadReserved(reader, batch.Count);
        }
        var plan = IngestPlan.Accept(batch, presence, rule);
        plan.Match(LoadCandidates(connection, plan.Mentions));
        plan.Number(Reserve(connection, "event_ids", plan.NewEvents.Count));

        CopyDocuments(connection, runId, plan.Accepted, docKeys);
        CopyMarks(connection, plan.Accepted, docKeys);
        CopyMentions(connection, plan.Accepted, docKeys, plan.MentionEvents);
        CopyEvents(connection, plan.NewEvents);
        using (var closing = new NpgsqlBatch(connection))
        {
            if (plan.Touched.Count > 0)
                closing.BatchCommands.Add(BatchCommand(IngestSql.Recount("unnest($1::bigint[]) AS touched(event_key)"), plan.Touched.ToArray()));
            closing.BatchCommands.Add(BatchCommand("""
                UPDATE ingest_runs SET documents_added = documents_added + $2, documents_already_stored = documents_already_stored + $3,
                       mentions_added = mentions_added + $4, events_added = events_added + $5 WHERE id = $1
                """, runId, (long)plan.Accepted.Count, (long)(batch.Count - plan.Accepted.Count), (long)plan.MentionEvents.Count, (long)plan.NewEvents.Count));
            closing.ExecuteNonQuery();
        }
        transaction.Commit();
        return new IngestBatchResult(plan.Presence, plan.Accepted.Count, plan.MentionEvents.Count, plan.NewEvents.Count, plan.Merged);
    }

    /// <summary>
    /// The batch's advisory locks, held until commit or rollback. Keys are 64-bit hashes: two different names
    /// sharing one only make writers wait for each other, never decide differently.
    /// </summary>
    private NpgsqlBatchCommand LockCommand(IReadOnlyList<IngestDocument> batch)
    {
        var keys = new HashSet<long>();
        foreach (var doc in batch)
        {
            keys.Add(LockKey("document id", doc.Document.Id));
            keys.Add(LockKey("document text", doc.ContentHash));
            foreach (var e in doc.Events)
            {
                var key = rule.KeyOf(e);
                keys.Add(LockKey("event", $"{key.Source}\u001f{key.Target}\u001f{key.Root}\u001f{key.Negated}"));
            }
        }
        var ordered = keys.ToArray();
        Array.Sort(ordered);
        // unnest yields the array in order, so the locks are taken in ascending order.
        return BatchCommand("SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k", ordered);
    }

    private static long LockKey(string kind, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("dyad " + kind + "\u001f" + name), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>The next <paramref name="count"/> numbers of a sequence, ascending (not consecutive when others write too).</summary>
    private static long[] Reserve(NpgsqlConnection connection, string sequence, int count)
    {
        if (count == 0) return [];
        using var batch = new NpgsqlBatch(connection) { BatchCommands = { ReserveCommand(sequence, count) } };
        using var reader = batch.ExecuteReader();
        return ReadReserved(reader, count);
    }

    private static NpgsqlBatchCommand ReserveCommand(string sequence, int count) =>
        BatchCommand($"SELECT nextval('{sequence}') FROM generate_series(1, $1)", count);

    private static long[] ReadReserved(NpgsqlDataReader reader, int count)
    {
        var numbers = new long[count];
        for (int i = 0; reader.Read(); i++) numbers[i] = reader.GetInt64(0);
        Array.Sort(numbers);
        return numbers;
    }

    /// <summary>
    /// Loads the stored events the batch's mentions could join: the mentions' keys and date windows go in as arrays,
    /// which one join matches against events. Parameters are planned with their values, so the planner knows the
    /// probe's size and picks index lookups into events for a small one.
    /// </summary>
    private EventMatcher LoadCandidates(NpgsqlConnection connection, List<PlannedMention> mentions)
    {
        var matcher = new EventMatcher(rule);
        if (mentions.Count == 0) return matcher;
        var sources = new string[mentions.Count];
        var targets = new string[mentions.Count];
        var roots = new string[mentions.Count];
        var negated = new bool[mentions.Count];
        var lo = new DateOnly[mentions.Count];
        var hi = new DateOnly[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            var (key, date, _) = mentions[i];
            (sources[i], targets[i], roots[i], negated[i]) = (key.Source, key.Target, key.Root, key.Negated);
            (lo[i], hi[i]) = (date.AddDays(-rule.WindowDays), date.AddDays(rule.WindowDays));
        }
        using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                BatchCommand(IngestSql.Candidates(rule,
                    "unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::date[], $6::date[]) AS p(source, target, root, negated, lo, hi)"),
                    sources, targets, roots, negated, lo, hi),
            },
        };
        using var reader = batch.ExecuteReader();
        IngestSql.AddCandidates(reader, rule, matcher);
        return matcher;
    }

    private static void CopyDocuments(NpgsqlConnection connection, long runId, List<IngestDocument> accepted, long[] docKeys)
    {
        using (var documents = connection.BeginBinaryImport(
            "COPY documents (doc_key, id, content_hash, date, url, source, title, language, length, run_id) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < accepted.Count; i++)
            {
                var doc = accepted[i];
                var d = doc.Document;
                documents.StartRow();
                documents.Long(docKeys[i]);
                documents.Text(d.Id);
                documents.Text(doc.ContentHash);
                documents.Date(d.Date);
                documents.Text(d.Url);
                documents.Text(d.Source);
                documents.Text(d.Title);
                documents.Text(d.Language);
                documents.Int(d.Text.Length);
                documents.Long(runId);
            }
            documents.Complete();
        }
        using (var sentences = connection.BeginBinaryImport(
            "COPY sentences (doc_key, sentence_index, char_start, char_end, text) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < accepted.Count; i++)
                foreach (var s in accepted[i].Sentences)
                {
                    sentences.StartRow();
                    sentences.Long(docKeys[i]);
                    sentences.Int(s.Index);
                    sentences.Int(s.Start);
                    sentences.Int(s.End);
                    sentences.Text(accepted[i].Document.Text[s.Start..s.End]);
                }
            sentences.Complete();
        }
        bool anyLearned = false;
        foreach (var doc in accepted) anyLearned |= doc.LearnedActors.Count > 0;
        if (!anyLearned) return;
        using var learned = connection.BeginBinaryImport(
            "COPY learned_actors (doc_key, name, code, title, title_head, rule, explanation, sentence_index, date, evidence) FROM STDIN (FORMAT BINARY)");
        for (int i = 0; i < accepted.Count; i++)
            foreach (var a in accepted[i].LearnedActors)
                foreach (var ev in a.Evidence)
                {
                    learned.StartRow();
                    learned.Long(docKeys[i]);
                    learned.Text(a.Name);
                    learned.Text(a.Code);
                    learned.Text(a.Title);
                    learned.Text(a.TitleHead);
                    learned.Text(a.Rule);
                    learned.Text(a.Explanation);
                    learned.Int(ev.SentenceIndex);
                    learned.Date(ev.Date);
                    learned.Text(ev.Text);
                }
        learned.Complete();
    }

    /// <summary>Entities and quotes of the accepted documents, in the batch's transaction like the rest of them.</summary>
    private static void CopyMarks(NpgsqlConnection connection, List<IngestDocument> accepted, long[] docKeys)
    {
        using (var entities = connection.BeginBinaryImport(
            "COPY entities (doc_key, sentence_index, char_start, char_end, type, actor) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < accepted.Count; i++)
                foreach (var e in accepted[i].Marks.Entities)
                {
                    entities.StartRow();
                    entities.Long(docKeys[i]);
                    entities.Int(e.SentenceIndex);
                    entities.Int(e.CharStart);
                    entities.Int(e.CharEnd);
                    entities.Text(e.Type);
                    entities.Text(e.Actor);
                }
            entities.Complete();
        }
        using var quotes = connection.BeginBinaryImport(
            "COPY quotes (doc_key, sentence_index, char_start, char_end, speaker, speaker_actor, speaker_start, speaker_end) FROM STDIN (FORMAT BINARY)");
        for (int i = 0; i < accepted.Count; i++)
            foreach (var q in accepted[i].Marks.Quotes)
            {
                quotes.StartRow();
                quotes.Long(docKeys[i]);
                quotes.Int(q.SentenceIndex);
                quotes.Int(q.CharStart);
                quotes.Int(q.CharEnd);
                quotes.Text(q.Speaker);
                quotes.Text(q.SpeakerActor);
                quotes.Int(q.SpeakerStart);
                quotes.Int(q.SpeakerEnd);
            }
        quotes.Complete();
    }

    private static void CopyMentions(NpgsqlConnection connection, List<IngestDocument> accepted, long[] docKeys, List<long> eventKeys)
    {
        using var mentions = connection.BeginBinaryImport($"COPY mentions (event_key, doc_key, {string.Join(", ", CodedEventColumns.Names)}) FROM STDIN (FORMAT BINARY)");
        int next = 0;
        for (int i = 0; i < accepted.Count; i++)
            foreach (var e in accepted[i].Events)
            {
                mentions.StartRow();
                mentions.Long(eventKeys[next++]);
                mentions.Long(docKeys[i]);
                mentions.CodedEvent(e);
            }
        mentions.Complete();
    }

    /// <summary>New events start with their first mention's counts; the recount then sets the real ones.</summary>
    private static void CopyEvents(NpgsqlConnection connection, List<NewEvent> created)
    {
        using var events = connection.BeginBinaryImport(
            $"COPY events (id, event_date, {string.Join(", ", CodedEventColumns.Names)}, num_mentions, num_sources, num_articles, first_seen, last_seen, source_url) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, date, coding, doc) in created)
        {
            events.StartRow();
            events.Long(id);
            events.Date(date);
            events.CodedEvent(coding);
            events.Int(1);
            events.Int(1);
            events.Int(1);
            events.Date(doc.Document.Date);
            events.Date(doc.Document.Date);
            events.Text(doc.Document.Url);
        }
        events.Complete();
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        return command;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        return command;
    }
}
