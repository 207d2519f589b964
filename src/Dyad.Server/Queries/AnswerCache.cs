using System.Globalization;
using System.Text;
using Dyad.Store.Query;

namespace Dyad.Server.Queries;

/// <summary>
/// Answers of read queries, kept until the store changes. The server is the store's only writer (DuckDB locks the
/// file to one process) and every write goes through <see cref="DashboardData.Write{T}"/>, which clears the cache, so
/// a kept answer is always the one the store would give now. Aggregates over a million events cost hundreds of
/// milliseconds; dashboards ask the same ones again on every visit. Not thread-safe: used under DashboardData's lock.
/// </summary>
internal sealed class AnswerCache(int capacity)
{
    private readonly Dictionary<string, object> _answers = new(StringComparer.Ordinal);

    public T GetOrAdd<T>(string key, Func<T> compute) where T : class
    {
        if (_answers.TryGetValue(key, out var kept)) return (T)kept;
        var answer = compute();
        // Bounded memory: a full cache starts over rather than tracking use (answers are cheap to recompute once).
        if (_answers.Count >= capacity) _answers.Clear();
        _answers[key] = answer;
        return answer;
    }

    public void Clear() => _answers.Clear();

    /// <summary>How many answers are kept (tests).</summary>
    public int Count => _answers.Count;

    /// <summary>A key naming the question: its kind and every filter (words in order), separated by a control character.</summary>
    public static string Key(string kind, EventQuery filter, params object[] more)
    {
        const char separator = '\u001f';
        var key = new StringBuilder(kind);
        // Escaped, so that no value (a word of a text filter could hold any character) can fake a separator.
        void Add(object? value) => key.Append(separator).Append(Convert.ToString(value, CultureInfo.InvariantCulture)?
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\u001f", "\\x1f", StringComparison.Ordinal));
        Add(filter.Actor);
        Add(filter.Source);
        Add(filter.Target);
        Add(filter.Dyad?.A);
        Add(filter.Dyad?.B);
        Add(filter.Code);
        Add(filter.Root);
        Add(filter.Quad);
        Add(filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(filter.Words.Count);
        foreach (var word in filter.Words) Add(word);
        Add(filter.Limit);
        Add(filter.Offset);
        foreach (var value in more) Add(value);
        return key.ToString();
    }
}
