using System.Text;
using System.Text.Json;
using CsCheck;
using Dyad.Text.Readers;

namespace Dyad.Text.Tests.Readers;

/// <summary>Round trips over generated records: whatever text we write, the readers give back exactly.</summary>
public class ReaderPropertyTests
{
    // Text with the characters that trip hand-written scanners: brackets, quotes, backslashes, newlines, non-ASCII.
    private static readonly Gen<string> Body = Gen.String[Gen.Char["ab {}[]\"\\,:\n\té—“”"], 1, 60]
        .Select(s => "x" + s + "y");

    // Writes quotes as \" rather than \u0022, so the scanner meets real escaped quotes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Gen<DateOnly> Dates = Gen.Int[730_000, 740_000].Select(DateOnly.FromDayNumber);

    [Fact]
    public void JsonArraysAndJsonLinesGiveBackEveryRecord()
    {
        Gen.Select(Body, Dates).Array[1, 8].Sample(records =>
        {
            using var temp = new TempInputs();
            var items = records.Select((r, i) => JsonSerializer.Serialize(new { id = $"r{i}", date = r.Item2.ToString("yyyy-MM-dd"), text = r.Item1 }, Relaxed)).ToArray();
            var array = temp.Write("a.json", "[\n" + string.Join(",\n", items) + "\n]");
            var lines = temp.Write("l.jsonl", string.Join("\n", items) + "\n");
            foreach (var path in new[] { array, lines })
            {
                var (documents, rejections) = Read.All(path);
                rejections.ShouldBeEmpty();
                documents.Select(d => (d.Text, d.Date)).ShouldBe(records.Select(r => (r.Item1, r.Item2)));
            }
        }, iter: 100);
    }

    [Fact]
    public void DatedTextGivesBackEveryRecord()
    {
        var lineBody = Gen.String[Gen.Char["abc ,.;—é"], 0, 40].Select(s => "x" + s.Trim() + "y");
        Gen.Select(lineBody.Array[1, 4], Dates).Array[1, 6].Sample(records =>
        {
            using var temp = new TempInputs();
            var sb = new StringBuilder();
            foreach (var (lines, date) in records)
                sb.Append($" date {date:yyyy-MM-dd} ").Append(string.Join("\n", lines)).Append("\n\n");
            var (documents, rejections) = Read.All(temp.Write("d.txt", sb.ToString()));
            rejections.ShouldBeEmpty();
            documents.Select(d => (d.Text, d.Date)).ShouldBe(records.Select(r => (string.Join("\n", r.Item1), r.Item2)));
        }, iter: 100);
    }
}
