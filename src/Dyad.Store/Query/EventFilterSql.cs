using DuckDB.NET.Data;
using Npgsql;

namespace Dyad.Store.Query;

/// <summary>Turns an <see cref="EventQuery"/>'s filters into a parameterised WHERE clause over the events table "e".</summary>
internal static class EventFilterSql
{
    public static string Where(EventQuery q, DuckDBParameterCollection parameters) => Where(q, value =>
    {
        parameters.Add(new DuckDBParameter(value));
        return "$" + parameters.Count;
    });

    public static string Where(EventQuery q, NpgsqlParameterCollection parameters) => Where(q, value =>
    {
        parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + parameters.Count;
    });

    /// <summary>The clause, adding each value through <paramref name="addParameter"/>, which returns its placeholder ("$n").</summary>
    private static string Where(EventQuery q, Func<object, string> addParameter)
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
        if (q.Words.Count > 0)
        {
            var words = q.Words.Select(w => $"m.sentence ILIKE {Param("%" + EscapeLike(w) + "%")} ESCAPE '\\'");
            clauses.Add($"e.id IN (SELECT m.event_key FROM mentions m WHERE {string.Join(" AND ", words)})");
        }
        return clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
    }

    public static string DateLiteral(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "'";

    private static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
