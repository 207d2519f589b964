using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;

namespace Dyad.Store.Query;

/// <summary>Turns an <see cref="EventQuery"/>'s filters into a parameterised WHERE clause over the events table "e".</summary>
internal static class EventFilterSql
{
    public static string Where(EventQuery q, DuckDBParameterCollection parameters) => Where(q, DuckDb(parameters));

    public static string Where(EventQuery q, NpgsqlParameterCollection parameters) => Where(q, value =>
    {
        parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + parameters.Count;
    });

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

    /// <summary>The clause, adding each value through <paramref name="addParameter"/>, which returns its placeholder ("$n").</summary>
    private static string Where(EventQuery q, Func<object, string> addParameter)
    {
        var clauses = Clauses(q, addParameter);
        if (q.Words.Count > 0)
        {
            var words = q.Words.Select(w => $"m.sentence ILIKE {addParameter("%" + EscapeLike(w) + "%")} ESCAPE '\\'");
            clauses.Add($"e.id IN (SELECT m.event_key FROM mentions m WHERE {string.Join(" AND ", words)})");
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
