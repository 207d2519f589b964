using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Dyad.Store.Query;

namespace Dyad.Cli.Commands;

/// <summary>The event filters shared by <c>dyad query</c>, <c>stats</c> and <c>top</c>; they combine with AND.</summary>
internal sealed class EventFilterOptions
{
    public Option<string?> Actor { get; } = new("--actor") { Description = "Source or target actor code starts with this (CHN matches CHNGOV).", HelpName = "code" };
    public Option<string?> Source { get; } = new("--source") { Description = "Source actor code starts with this.", HelpName = "code" };
    public Option<string?> Target { get; } = new("--target") { Description = "Target actor code starts with this.", HelpName = "code" };
    public Option<(string, string)?> Dyad { get; } = new("--dyad") { Description = "Two actor codes A,B: events between them in either direction.", HelpName = "A,B", CustomParser = ParseDyad };
    public Option<string?> Code { get; } = new("--code") { Description = "Exact CAMEO event code (111).", HelpName = "code" };
    public Option<string?> Root { get; } = new("--root") { Description = "CAMEO root code (11).", HelpName = "root" };
    public Option<int?> Quad { get; } = new("--quad") { Description = "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict." };
    public Option<DateOnly?> From { get; } = new("--from") { Description = "First event date included (YYYY-MM-DD).", HelpName = "date", CustomParser = ParseDate };
    public Option<DateOnly?> To { get; } = new("--to") { Description = "Last event date included (YYYY-MM-DD).", HelpName = "date", CustomParser = ParseDate };
    public Option<string?> Text { get; } = new("--text") { Description = "Words that must all occur (any case) in a sentence reporting the event.", HelpName = "words" };

    public EventFilterOptions()
    {
        Quad.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 4) r.AddError("--quad must be 1, 2, 3 or 4."); });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Actor, Source, Target, Dyad, Code, Root, Quad, From, To, Text })
            command.Options.Add(option);
    }

    public EventQuery Bind(ParseResult result) => new()
    {
        Actor = Upper(result.GetValue(Actor)),
        Source = Upper(result.GetValue(Source)),
        Target = Upper(result.GetValue(Target)),
        Dyad = result.GetValue(Dyad),
        Code = result.GetValue(Code),
        Root = result.GetValue(Root),
        Quad = result.GetValue(Quad),
        From = result.GetValue(From),
        To = result.GetValue(To),
        Words = result.GetValue(Text)?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
    };

    private static string? Upper(string? code) => code?.Trim().ToUpperInvariant();

    private static (string, string)? ParseDyad(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            return (parts[0].ToUpperInvariant(), parts[1].ToUpperInvariant());
        result.AddError($"--dyad: expected two actor codes separated by a comma (USA,CHN), got '{text}'.");
        return null;
    }

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"{((OptionResult)result.Parent!).Option.Name}: '{text}' is not a date (YYYY-MM-DD).");
        return null;
    }
}
