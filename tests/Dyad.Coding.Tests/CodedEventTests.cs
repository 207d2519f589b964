using System.Text.Json;
using Dyad.Coding.Ontology;

namespace Dyad.Coding.Tests;

public class CodedEventTests
{
    private static CodedEvent Sample() => EventIds.WithId(new CodedEvent
    {
        DocId = "afp-001",
        SentenceIndex = 2,
        Date = "2024-03-05",
        Source = "USAGOV",
        Target = "RUS",
        Code = "111",
        Root = "11",
        Quad = 3,
        Goldstein = -2.0,
        Plover = "ACCUSE",
        SourceName = "United States government",
        TargetName = "Russia",
        SourceText = "The State Department",
        TargetText = "Moscow",
        VerbText = "slammed",
        Sentence = "The State Department slammed Moscow on Tuesday, calling the move \"reckless\".",
        CharStart = 120,
        CharEnd = 196,
        Location = new EventLocation { Name = "Washington", Country = "USA", Admin1 = "DC", Lat = 38.9, Lon = -77.04, GeonamesId = 4140963 },
        Negated = false,
        Confidence = 0.82,
        Rule = "extensions.tsv:23 slam obj:@target 111",
    });

    [Fact]
    public void JsonFieldNamesAreExactlyTheDocumentedOnes()
    {
        var line = JsonSerializer.Serialize(Sample(), CodedEventJsonlWriter.Options);
        using var doc = JsonDocument.Parse(line);
        doc.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe([
            "event_id", "doc_id", "sentence_index", "date", "source", "target", "code", "root", "quad", "goldstein", "plover",
            "source_name", "target_name", "source_text", "target_text", "verb_text", "sentence", "char_start", "char_end",
            "location", "negated", "confidence", "rule"]);
        doc.RootElement.GetProperty("location").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["name", "country", "admin1", "lat", "lon", "geonames_id"]);
    }

    [Fact]
    public void ExplainIsWrittenOnlyWhenPresent()
    {
        var e = Sample() with { Explain = ["verb slam (lemma) matched extensions.tsv:23", "object Moscow is actor RUS"] };
        var line = JsonSerializer.Serialize(e, CodedEventJsonlWriter.Options);
        using var doc = JsonDocument.Parse(line);
        doc.RootElement.GetProperty("explain").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void JsonlWriterWritesOneReadableLinePerEventThatParsesBack()
    {
        var writer = new StringWriter();
        var jsonl = new CodedEventJsonlWriter(writer);
        jsonl.WriteAll([Sample(), Sample() with { Code = "112" }]);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldContain("\\\"reckless\\\"");
        lines[0].ShouldNotContain("\\u0022");
        var back = CodedEventJsonlWriter.Parse(lines[0]);
        back.ShouldBe(Sample() with { Location = back.Location });
        back.Location.ShouldBe(Sample().Location);
    }

    [Fact]
    public void EventIdsAreDeterministicAndDependOnEveryKeyField()
    {
        var a = Sample();
        a.EventId.Length.ShouldBe(16);
        EventIds.WithId(a).EventId.ShouldBe(a.EventId);
        var variants = new[]
        {
            a with { DocId = "afp-002" }, a with { SentenceIndex = 3 }, a with { CharStart = 121 }, a with { CharEnd = 195 },
            a with { Code = "112" }, a with { Source = "USA" }, a with { Target = null },
        };
        foreach (var v in variants) EventIds.WithId(v).EventId.ShouldNotBe(a.EventId);
        // Fields outside the key (confidence, the rule) do not change the id.
        EventIds.WithId(a with { Confidence = 0.1, Rule = "other" }).EventId.ShouldBe(a.EventId);
    }

    [Fact]
    public void WithEventTypeCopiesTheOntologyAttributes()
    {
        var ontology = EventOntology.Load();
        var e = new CodedEvent().WithEventType(ontology.Lookup("1823")!);
        (e.Code, e.Root, e.Quad, e.Goldstein, e.Plover).ShouldBe(("1823", "18", 4, -10.0, "ASSAULT"));
        new CodedEvent().WithEventType(ontology.Lookup("011")!).Plover.ShouldBeNull();
    }
}
