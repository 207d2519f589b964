using System.CommandLine;
using System.CommandLine.Parsing;
using Dyad.Text.Readers;

namespace Dyad.Cli.Input;

/// <summary>What a command needs to read its documents: the inputs, reader settings and where rejects go.</summary>
internal sealed record InputSettings(IReadOnlyList<string> Inputs, ReaderOptions Reader, string? RejectsPath, bool NoProgress);

/// <summary>
/// The input arguments and options shared by every command that reads documents (tokenize, and later
/// code, parse, ingest): add them with <see cref="AddTo"/>, read them back with <see cref="Bind"/>.
/// </summary>
internal sealed class InputOptions
{
    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "Files, directories (read recursively), glob patterns (quote them: \"data/**/*.jsonl\") or - for stdin; .gz files are decompressed. With no inputs, reads stdin when it is redirected.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<InputFormat> Format { get; } = new("--input-format")
    {
        Description = "Input format: auto (by extension, then content), text, jsonl, json, html, rss (RSS or Atom).",
        DefaultValueFactory = _ => InputFormat.Auto,
    };

    public Option<DateOnly?> Date { get; } = new("--date")
    {
        Description = "Publication date (YYYY-MM-DD) for documents whose input has none: plain text, records without a date field, undated pages.",
        CustomParser = ParseDate,
    };

    public Option<string> IdField { get; } = Field("--id-field", FieldMap.Default.Id, "document id");
    public Option<string> DateField { get; } = Field("--date-field", FieldMap.Default.Date, "publication date");
    public Option<string> TextField { get; } = Field("--text-field", FieldMap.Default.Text, "body text");
    public Option<string> TitleField { get; } = Field("--title-field", FieldMap.Default.Title, "title");
    public Option<string> UrlField { get; } = Field("--url-field", FieldMap.Default.Url, "URL");
    public Option<string> SourceField { get; } = Field("--source-field", FieldMap.Default.Source, "outlet");
    public Option<string> LanguageField { get; } = Field("--language-field", FieldMap.Default.Language, "language code");

    public Option<string?> Rejects { get; } = new("--rejects")
    {
        Description = "Write every skipped record to this JSONL file: file, line, record, reason, message and the start of the raw record.",
        HelpName = "file",
    };

    public Option<int> MaxDocBytes { get; } = new("--max-doc-bytes")
    {
        Description = "Largest document, JSON record or line accepted, in bytes (HTML and feed files may be 8 times this). Larger ones are skipped as too-large.",
        DefaultValueFactory = _ => ReaderOptions.DefaultMaxDocumentBytes,
        HelpName = "bytes",
    };

    public Option<bool> NoProgress { get; } = new("--no-progress")
    {
        Description = "Do not show the live progress line on a terminal.",
    };

    public InputOptions()
    {
        MaxDocBytes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--max-doc-bytes must be a positive number of bytes.");
        });
    }

    /// <param name="command">The command that reads documents.</param>
    /// <param name="withFormat">False for a command that declares its own --input-format (parse also reads CoNLL-U).</param>
    public void AddTo(Command command, bool withFormat = true)
    {
        command.Arguments.Add(Inputs);
        if (withFormat) command.Options.Add(Format);
        foreach (var option in new Option[] { Date, IdField, DateField, TextField, TitleField, UrlField, SourceField, LanguageField, Rejects, MaxDocBytes, NoProgress })
            command.Options.Add(option);
    }

    /// <summary>Reads the options back; null (with the message written to <paramref name="error"/>) when there is nothing to read.</summary>
    public InputSettings? Bind(ParseResult result, TextWriter error, Func<Stream>? openStdin = null)
    {
        var inputs = result.GetValue(Inputs) ?? [];
        if (inputs.Length == 0)
        {
            if (openStdin is null && !Console.IsInputRedirected)
            {
                error.WriteLine("dyad: no inputs given (name files, directories or globs, or - for stdin; see --help).");
                return null;
            }
            inputs = ["-"];
        }
        var fields = new FieldMap
        {
            Id = result.GetValue(IdField)!,
            Date = result.GetValue(DateField)!,
            Text = result.GetValue(TextField)!,
            Title = result.GetValue(TitleField)!,
            Url = result.GetValue(UrlField)!,
            Source = result.GetValue(SourceField)!,
            Language = result.GetValue(LanguageField)!,
        };
        var reader = new ReaderOptions
        {
            Format = result.GetValue(Format),
            DefaultDate = result.GetValue(Date),
            Fields = fields,
            MaxDocumentBytes = result.GetValue(MaxDocBytes),
        };
        if (openStdin is not null) reader = reader with { OpenStdin = openStdin };
        return new InputSettings(inputs, reader, result.GetValue(Rejects), result.GetValue(NoProgress));
    }

    private static Option<string> Field(string name, string defaultName, string what) => new(name)
    {
        Description = $"JSON field holding the {what}; a dotted path reaches into nested objects.",
        DefaultValueFactory = _ => defaultName,
        HelpName = "name",
    };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateParser.TryParse(text, out var date, out var error)) return date;
        result.AddError($"--date: {error}.");
        return null;
    }
}
