using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;

namespace Dyad.Store.Query;

/// <summary>Turns an <see cref="EventQuery"/>'s filters into a parameterised WHERE clause over the events table "e".</summary>
internal static class EventFilterSql
{
    /// <summary>
    /// DuckDB: a word is looked for as <c>contains(lower(sentence), lower(word))</c>, the same test as
    /// <c>sentence ILIKE '%word%'</c> with the word's wildcards escaped (DuckDB's ILIKE lower-cases both sides with the
    /// same function) but several times cheaper: an ILIKE with an ESCAPE clause takes DuckDB's general pattern matcher,
    /// contains a substring search. <paramref name="mentionWindow"/>, when given, is a condition on the events table
    /// "w" that the mention search is limited to (a page's date window), so only the window's mentions are joined.
    /// </summary>
    public static string Where(EventQuery q, DuckDBParameterCollection parameters, string? mentionWindow = null)
    {
        var add = DuckDb(parameters);
        return Where(q, add, w => $"contains(lower(m.sentence), lower({add(w)}))", mentionWindow);
    }

    /// <summary>PostgreSQL: words as <c>ILIKE</c> with the wildcards escaped.</summary>
    public static string Where(EventQuery q, NpgsqlParameterCollection parameters)
    {
        string Add(object value)
        {
            parameters.Add(new NpgsqlParameter { Value = value });
            return "$" + parameters.Count;
        }
        return Where(q, Add, w => $"m.sentence ILIKE {Add("%" + EscapeLike(w) + "%")} ESCAPE '\\'", null);
    }

    /// <summary>Whether the query filters on words and nothing else (its count is then one pass over the mentions).</summary>
    public static bool OnlyWords(EventQuery q) =>
        q.Words.Count > 0 && q.Actor is null && q.Source is null && q.Target is null && q.Dyad is null && q.Code is null
        && q.Root is null && q.Quad is null && q.From is null && q.To is null;

    /// <summary>
    /// DuckDB: how many events have a mention holding every word of <paramref name="q"/> (which filters on words
    /// only), counted as the bits set in a bitstring over the event id range rather than by hashing every matching id:
    /// a common word matches most mentions. <paramref name="firstId"/> and <paramref name="lastId"/> bound the ids.
    /// </summary>
    public static string CountWordEvents(EventQuery q, DuckDBParameterCollection parameters, long firstId, long lastId)
    {
        var add = DuckDb(parameters);
        return string.Create(CultureInfo.InvariantCulture,
            $"SELECT coalesce(bit_count(bitstring_agg(m.event_key, {firstId}, {lastId})), 0) FROM mentions m WHERE {string.Join(" AND ", q.Words.Select(w => $"contains(lower(m.sentence), lower({add(w)}))"))}");
    }

    /// <summary>
    /// The rows of the DuckDB rollup table (<c>event_rollup</c>, docs/store.md "Rollup") that match every filter but
    /// words, as a FROM item aliased "e". An actor or dyad filter, an OR over two columns that DuckDB cannot push into
    /// a scan, becomes a UNION ALL of disjoint branches, each leading with a range on the source column: the rollup
    /// is sorted by source, so the scan reads only the row groups of that range.
    /// </summary>
    public static string RollupRows(EventQuery q, DuckDBParameterCollection parameters)
    {
        if (q.Words.Count > 0) throw new ArgumentException("the rollup holds no words", nameof(q));
        var add = DuckDb(parameters);
        var common = Clauses(q with { Actor = null, Dyad = null }, add);
        // Each set of alternatives is split into disjoint branches; several sets combine as their cross product.
        List<string> branches = [""];
        if (q.Actor is { } actor)
            branches = Cross(branches, [Prefix("source", actor, add), $"starts_with(e.target, {add(actor)}) AND (e.source IS NULL OR NOT starts_with(e.source, {add(actor)}))"]);
        if (q.Dyad is var (a, b))
            branches = Cross(branches, [
                $"{Prefix("source", a, add)} AND starts_with(e.target, {add(b)})",
                $"{Prefix("source", b, add)} AND starts_with(e.target, {add(a)}) AND NOT (starts_with(e.source, {add(a)}) AND starts_with(e.target, {add(b)}))"]);
        var selects = branches.Select(branch =>
        {
            var all = branch.Length == 0 ? common : [branch, .. common];
            return "SELECT * FROM event_rollup e" + (all.Count == 0 ? "" : " WHERE " + string.Join(" AND ", all));
        });
        return "(" + string.Join(" UNION ALL ", selects) + ") e";
    }

    private static List<string> Cross(List<string> left, string[] right) =>
        [.. left.SelectMany(l => right.Select(r => l.Length == 0 ? r : l + " AND " + r))];

    /// <summary>
    /// "The column starts with the code": for a code of ASCII letters and digits (every valid actor code) a range of
    /// literals, which DuckDB pushes into the scan and checks against each row group's min/max; else starts_with.
    /// The range is exact: in byte order the strings starting with "USA" are those from "USA" up to, not including, "USB".
    /// </summary>
    private static string Prefix(string column, string code, Func<object, string> add)
    {
        if (code.Length == 0 || !code.All(char.IsAsciiLetterOrDigit)) return $"starts_with(e.{column}, {add(code)})";
        var next = code[..^1] + (char)(code[^1] + 1);
        return $"(e.{column} >= '{code}' AND e.{column} < '{next}')";
    }

    private static Func<object, string> DuckDb(DuckDBParameterCollection parameters) => value =>
    {
        parameters.Add(new DuckDBParameter(value));
        return "$" + parameters.Count;
    };

    /// <summary>
    /// The clause, adding each value through <paramref name="addParameter"/>, which returns its placeholder ("$n"), and
    /// each word's test on the mention "m" through <paramref name="wordTest"/>.
    /// </summary>
    private static string Where(EventQuery q, Func<object, string> addParameter, Func<string, string> wordTest, string? mentionWindow)
    {
        var clauses = Clauses(q, addParameter);
        if (q.Words.Count > 0)
        {
            var words = string.Join(" AND ", q.Words.Select(wordTest));
            clauses.Add(mentionWindow is null
                ? $"e.id IN (SELECT m.event_key FROM mentions m WHERE {words})"
                : $"e.id IN (SELECT m.event_key FROM mentions m JOIN events w ON w.id = m.event_key AND {mentionWindow} WHERE {words})");
        }
        return clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
    }

    /// <summary>The filters but words, over columns the events table and the rollup share.</summary>
    private static List<string> Clauses(EventQuery q, Func<object, string> addParameter)
    {
        var clauses = new List<string>();
        string Param(object value) => addParameter(value);
        if (q.Actor is { } actor)
        {
            var p = Param(actor);
            clauses.Add($"(starts_with(e.source, {p}) OR starts_with(e.target, {p}))");
        }
        if (q.Source is { } source) clauses.Add($"starts_with(e.source, {Param(source)})");
        if (q.Target is { } target) clauses.Add($"starts_with(e.target, {Param(target)})");
        if (q.Dyad is var (a, b))
        {
            var pa = Param(a);
            var pb = Param(b);
            // (A to B) or (B to A), written as CASE so the second direction is tested only on the rows the first
            // rejected: DuckDB evaluates both sides of an OR on every row. NULL (no actor) falls through to false.
            clauses.Add($"CASE WHEN starts_with(e.source, {pa}) AND starts_with(e.target, {pb}) THEN true ELSE starts_with(e.source, {pb}) AND starts_with(e.target, {pa}) END");
        }
        if (q.Code is { } code) clauses.Add($"e.code = {Param(code)}");
        if (q.Root is { } root) clauses.Add($"e.root = {Param(root)}");
        if (q.Quad is { } quad) clauses.Add($"e.quad = {Param(quad)}");
        // Dates as literals, not parameters: a constant comparison is pushed into the scan, which then skips the row
        // groups whose dates lie outside (zone maps on the date-sorted table). A formatted DateOnly is safe to inline.
        if (q.From is { } from) clauses.Add($"e.event_date >= {DateLiteral(from)}");
        if (q.To is { } to) clauses.Add($"e.event_date <= {DateLiteral(to)}");
        return clauses;
    }

    public static string DateLiteral(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
