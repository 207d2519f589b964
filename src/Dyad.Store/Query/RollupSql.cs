namespace Dyad.Store.Query;

/// <summary>
/// The aggregate queries of <see cref="StoreSql"/> answered from the DuckDB rollup (<see cref="EventFilterSql.RollupRows"/>)
/// rather than the events table: the same columns in the same order, read by the same readers. Counts are sums of
/// the rollup's counts; a key whose rows sum to no event is left out, as the events table would have no row for it.
/// </summary>
internal static class RollupSql
{
    public static string Stats(StatsPeriod by, string rows) => $"""
        SELECT CAST({StoreSql.Period(by)} AS DATE) AS period, CAST(sum(e.event_count) AS BIGINT),
               CAST(sum(e.event_count) FILTER (WHERE e.quad = 1) AS BIGINT), CAST(sum(e.event_count) FILTER (WHERE e.quad = 2) AS BIGINT),
               CAST(sum(e.event_count) FILTER (WHERE e.quad = 3) AS BIGINT), CAST(sum(e.event_count) FILTER (WHERE e.quad = 4) AS BIGINT),
               sum(e.goldstein_sum), sum(e.goldstein_sum) / sum(e.event_count), CAST(sum(e.mention_count) AS BIGINT)
        FROM {rows}
        GROUP BY period HAVING sum(e.event_count) > 0 ORDER BY period
        """;

    public static string Top(TopKind kind, string rows, int limit)
    {
        if (kind == TopKind.Dyads)
            return $"""
                SELECT e.source || ' ' || e.target AS k, CAST(sum(e.event_count) AS BIGINT) AS events, CAST(sum(e.mention_count) AS BIGINT) FROM {rows}
                WHERE e.source IS NOT NULL AND e.target IS NOT NULL
                GROUP BY e.source, e.target HAVING sum(e.event_count) > 0 ORDER BY events DESC, k LIMIT {limit}
                """;
        // The rows once (a CTE), read as sources and as targets.
        var keyed = kind == TopKind.Actors
            ? "SELECT source AS k, event_count AS n, mention_count AS m FROM matched UNION ALL SELECT target, event_count, mention_count FROM matched"
            : "SELECT code AS k, event_count AS n, mention_count AS m FROM matched";
        return $"""
            WITH matched AS (SELECT e.* FROM {rows})
            SELECT k, CAST(sum(n) AS BIGINT) AS events, CAST(sum(m) AS BIGINT) FROM ({keyed}) keyed
            WHERE k IS NOT NULL GROUP BY k HAVING sum(n) > 0 ORDER BY events DESC, k LIMIT {limit}
            """;
    }

    public static string Count(string rows) => $"SELECT coalesce(CAST(sum(e.event_count) AS BIGINT), 0) FROM {rows}";

    /// <summary>Matching events per event date, in date order (paging: which dates hold a page).</summary>
    public static string PerDay(string rows) =>
        $"SELECT e.event_date, CAST(sum(e.event_count) AS BIGINT) AS n FROM {rows} GROUP BY e.event_date HAVING sum(e.event_count) > 0 ORDER BY e.event_date";

    /// <summary>Events per direction and quad class between the actors of <paramref name="inList"/>.</summary>
    public static string Links(string rows, string inList) => $"""
        SELECT e.source, e.target, e.quad, CAST(sum(e.event_count) AS BIGINT) FROM {rows}
        WHERE e.source IN ({inList}) AND e.target IN ({inList}) AND e.source <> e.target
        GROUP BY e.source, e.target, e.quad HAVING sum(e.event_count) > 0 ORDER BY e.source, e.target, e.quad
        """;
}
