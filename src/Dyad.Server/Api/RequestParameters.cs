using System.Globalization;
using Dyad.Store.Query;
using Microsoft.AspNetCore.Http;

namespace Dyad.Server.Api;

/// <summary>
/// Reads and validates query-string parameters. Anything malformed, out of range or unknown is refused with a
/// message naming the parameter, so a typo ("qaud=4") never silently returns unfiltered data.
/// </summary>
internal sealed class RequestParameters
{
    public static readonly string[] FilterNames = ["actor", "source", "target", "dyad", "code", "root", "quad", "from", "to", "text"];
    private const int MaxTextLength = 200;
    private const int MaxActorCodeLength = 40;

    private readonly IQueryCollection _query;

    public RequestParameters(IQueryCollection query, params string[] allowed)
    {
        _query = query;
        foreach (var key in query.Keys)
        {
            if (Array.IndexOf(allowed, key) < 0)
                throw new BadRequestException($"unknown parameter '{key}'; this endpoint takes: {string.Join(", ", allowed)}");
            if (query[key].Count > 1) throw new BadRequestException($"parameter '{key}' given more than once");
        }
    }

    public static string[] FiltersAnd(params string[] more) => [.. FilterNames, .. more];

    public string? Text(string name)
    {
        var value = _query[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        var raw = Text(name);
        if (raw is null) return defaultValue;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw new BadRequestException($"'{name}' must be a whole number from {min} to {max}, not '{raw}'");
        return value;
    }

    public DateOnly? Date(string name)
    {
        var raw = Text(name);
        if (raw is null) return null;
        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new BadRequestException($"'{name}' must be a date as yyyy-MM-dd, not '{raw}'");
        return date;
    }

    public StatsPeriod Bucket(string name)
    {
        return Text(name)?.ToLowerInvariant() switch
        {
            null or "month" => StatsPeriod.Month,
            "week" => StatsPeriod.Week,
            "day" => StatsPeriod.Day,
            var other => throw new BadRequestException($"'{name}' must be day, week or month, not '{other}'"),
        };
    }

    /// <summary>An actor code prefix: letters and digits only (CAMEO codes), upper-cased.</summary>
    public string? ActorCode(string name) => ActorCode(name, Text(name));

    private static string? ActorCode(string name, string? raw)
    {
        if (raw is null) return null;
        if (raw.Length > MaxActorCodeLength || !raw.All(char.IsAsciiLetterOrDigit))
            throw new BadRequestException($"'{name}' must be an actor code of letters and digits (like USA or CHNGOV), not '{raw}'");
        return raw.ToUpperInvariant();
    }

    public EventQuery Filters()
    {
        var root = Text("root");
        if (root is not null && (root.Length != 2 || !root.All(char.IsAsciiDigit)))
            throw new BadRequestException($"'root' must be a two-digit CAMEO root code like 14, not '{root}'");
        var code = Text("code");
        if (code is not null && (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit)))
            throw new BadRequestException($"'code' must be a CAMEO code of 2 to 4 digits like 111, not '{code}'");
        var text = Text("text");
        if (text is { Length: > MaxTextLength })
            throw new BadRequestException($"'text' must be at most {MaxTextLength} characters");
        var query = new EventQuery
        {
            Actor = ActorCode("actor"),
            Source = ActorCode("source"),
            Target = ActorCode("target"),
            Dyad = DyadPair(Text("dyad")),
            Code = code,
            Root = root,
            Quad = Text("quad") is null ? null : Int("quad", 0, 1, 4),
            From = Date("from"),
            To = Date("to"),
            Words = text is null ? [] : text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        if (query.From > query.To)
            throw new BadRequestException($"'from' ({query.From:yyyy-MM-dd}) is after 'to' ({query.To:yyyy-MM-dd})");
        return query;
    }

    private static (string, string)? DyadPair(string? raw)
    {
        if (raw is null) return null;
        var parts = raw.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new BadRequestException($"'dyad' must be two actor codes separated by a comma, like USA,CHN, not '{raw}'");
        return (ActorCode("dyad", parts[0])!, ActorCode("dyad", parts[1])!);
    }
}
