using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// One PETRARCH unit-test record: a sentence, its date, and the events PETRARCH should code from it. A record with
/// <c>noevents="True"</c> or an <c>error</c> coding (a dateline, discard or bad parse) expects no events.
/// </summary>
public sealed record PetrarchRecord(string Id, string Category, DateOnly Date, string Text, IReadOnlyList<EventTriple> Expected)
{
    /// <summary>False for the records the file flags <c>sentence="false"</c> (not to be evaluated).</summary>
    public bool Evaluated { get; init; } = true;

    /// <summary>The error the record expects (<c>dateline</c>, <c>storydiscard</c>, ...), or null.</summary>
    public string? ExpectedError { get; init; }
}

/// <summary>Reads PETRARCH's <c>PETR.UnitTest.records.xml</c> (the <c>&lt;Sentence&gt;</c> records; comments, parses and configuration are ignored).</summary>
public static class PetrarchRecords
{
    public const string RecordsFile = "PETR.UnitTest.records.xml";

    public static List<PetrarchRecord> Read(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{path}: not well-formed XML: {e.Message}", e);
        }
        var records = new List<PetrarchRecord>();
        foreach (var sentence in document.Descendants("Sentence"))
            records.Add(ReadRecord(sentence, path));
        return records;
    }

    private static PetrarchRecord ReadRecord(XElement sentence, string path)
    {
        var id = (string?)sentence.Attribute("id") ?? throw Problem(sentence, path, "a <Sentence> has no id");
        var dateText = (string?)sentence.Attribute("date") ?? throw Problem(sentence, path, $"record {id} has no date");
        if (!DateOnly.TryParseExact(dateText.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Problem(sentence, path, $"record {id}: date \"{dateText}\" is not yyyyMMdd");
        var text = NormalizeSpace(sentence.Element("Text")?.Value ?? throw Problem(sentence, path, $"record {id} has no <Text>"));
        var expected = new List<EventTriple>();
        string? error = null;
        foreach (var coding in sentence.Elements("EventCoding"))
        {
            if ((string?)coding.Attribute("error") is { } e) { error = e.Trim(); continue; }
            if (coding.Attribute("noevents") != null) continue;
            var source = (string?)coding.Attribute("sourcecode");
            var target = (string?)coding.Attribute("targetcode");
            var code = (string?)coding.Attribute("eventcode");
            if (source == null || target == null || code == null)
                throw Problem(coding, path, $"record {id}: an <EventCoding> lacks sourcecode, targetcode or eventcode");
            expected.Add(new EventTriple(source.Trim(), target.Trim(), code.Trim()));
        }
        return new PetrarchRecord(id.Trim(), ((string?)sentence.Attribute("category"))?.Trim() ?? "", date, text, expected)
        {
            Evaluated = !string.Equals(((string?)sentence.Attribute("sentence"))?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
            ExpectedError = error,
        };
    }

    /// <summary>The record texts break lines inside sentences; one space stands for any run of white space.</summary>
    private static string NormalizeSpace(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static InvalidDataException Problem(XObject where, string path, string message)
    {
        var line = where is IXmlLineInfo info && info.HasLineInfo() ? $":{info.LineNumber}" : "";
        return new InvalidDataException($"{path}{line}: {message}");
    }
}
