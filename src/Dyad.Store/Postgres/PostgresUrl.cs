using Npgsql;

namespace Dyad.Store.Postgres;

/// <summary>
/// A PostgreSQL store named by URL, <c>postgres://user[:password]@host[:port][/database][?keyword=value&amp;...]</c>
/// (also <c>postgresql://</c>), the form psql and libpq accept. Query keywords are Npgsql connection-string keywords
/// (<c>?sslmode=require</c>, <c>?timeout=30</c>).
/// </summary>
public static class PostgresUrl
{
    /// <summary>Whether <paramref name="location"/> names a PostgreSQL store rather than a DuckDB file path.</summary>
    public static bool IsUrl(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string of a store URL.</summary>
    /// <exception cref="FormatException">Not a postgres:// URL, or one with an unknown query keyword.</exception>
    public static string ToConnectionString(string url)
    {
        if (!IsUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new FormatException($"{Redact(url)}: not a PostgreSQL URL (postgres://user[:password]@host[:port]/database)");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            ApplicationName = "dyad",
            // The store sets no session state (its locks end with their transaction), so a pooled connection needs
            // no DISCARD ALL on reuse; and its statements repeat with every batch, so the server keeps them
            // parsed; still planned with each batch's values (the dedup probe's plan depends on its size, and a
            // generic plan made while the tables were small would stay). Both save PostgreSQL CPU per batch
            // (docs/cluster.md). A URL's query keywords override them.
            NoResetOnClose = true,
            MaxAutoPrepare = 32,
            Options = "-c plan_cache_mode=force_custom_plan",
        };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new FormatException($"{Redact(url)}: unknown or invalid connection keyword '{key}': {e.Message}", e);
            }
        }
        return builder.ConnectionString;
    }

    /// <summary>The URL with its password replaced by "***", for messages and logs.</summary>
    public static string Redact(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        int at = url.IndexOf('@', StringComparison.Ordinal);
        if (scheme < 0 || at < 0) return url;
        int colon = url.IndexOf(':', scheme + 3);
        return colon >= 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
