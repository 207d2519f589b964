using Dyad.Coding.Evaluation;
using Dyad.Tests;

namespace Dyad.Coding.Tests;

public class EvaluationFileTests
{
    [Fact]
    public void Gold_lines_are_read_and_a_bad_line_is_reported_with_its_number_and_skipped()
    {
        var text = """
            {"id":"a","date":"2020-02-02","text":"The US urged Kazakhstan to act.","events":[{"source":"USA","target":"KAZ","code":"020"}]}

            {"id":"b","date":"2020-02-03","text":"Rain fell.","events":[]}
            {"id":"c","date":"02/03/2020","text":"Bad date.","events":[]}
            {"id":"d","date":"2020-02-03","text":"No events field."}
            {"id":"a","date":"2020-02-03","text":"Same id.","events":[]}
            {"id":"e","date":"2020-02-03","text":"Missing code.","events":[{"source":"USA","target":"KAZ"}]}
            not json
            """;
        var problems = new List<string>();
        var gold = GoldEventFile.Read(new StringReader(text), "gold.jsonl", problems);
        gold.Select(g => g.Id).ShouldBe(["a", "b"]);
        gold[0].Date.ShouldBe(new DateOnly(2020, 2, 2));
        gold[0].Events.ShouldBe([new EventTriple("USA", "KAZ", "020")]);
        gold[1].Events.ShouldBeEmpty();
        problems.Count.ShouldBe(5);
        problems[0].ShouldStartWith("gold.jsonl:4: record c: date");
        problems[1].ShouldStartWith("gold.jsonl:5: record d: \"events\"");
        problems[2].ShouldContain("gold.jsonl:6: id \"a\" was used before");
        problems[3].ShouldStartWith("gold.jsonl:7: record e: \"code\"");
        problems[4].ShouldStartWith("gold.jsonl:8:");
    }

    [Fact]
    public void Petrarch_records_give_their_expected_triples_no_events_errors_and_skip_flags()
    {
        using var folder = new TempFolder();
        var path = folder.Write(PetrarchRecords.RecordsFile, """
            <Validation><Sentences>
            <!-- <Sentence> inside a comment is not a record -->
            <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
            <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
            <EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"></EventCoding>
            <Text>
            Arnor restored ties
              with Gondor.
            </Text>
            <Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
            </Sentence>
            <Sentence date = "20000423" id ="NOEV-01" category="MODIFY"  sentence="true">
            <EventCoding noevents = "True"> </EventCoding>
            <Text>Nothing happened.</Text>
            </Sentence>
            <Sentence date="19950101" id="ERR-01" category="ERROR" sentence="true">
            <EventCoding error="dateline"></EventCoding>
            <Text>MINAS TIRITH, Gondor</Text>
            </Sentence>
            <Sentence date="19950101" id="SKIP-01" category="AGENT" sentence="false">
            <EventCoding sourcecode='"THE MINISTRY"' targetcode="GON" eventcode="032"></EventCoding>
            <Text>Skipped.</Text>
            </Sentence>
            </Sentences></Validation>
            """);
        var records = PetrarchRecords.Read(path);
        records.Select(r => r.Id).ShouldBe(["DEMO-00", "NOEV-01", "ERR-01", "SKIP-01"]);
        records[0].Text.ShouldBe("Arnor restored ties with Gondor.");
        records[0].Date.ShouldBe(new DateOnly(1995, 1, 1));
        records[0].Expected.ShouldBe([new EventTriple("ARN", "GON", "064"), new EventTriple("GON", "ARN", "064")]);
        records[1].Expected.ShouldBeEmpty();
        records[1].Date.ShouldBe(new DateOnly(2000, 4, 23));
        records[2].ExpectedError.ShouldBe("dateline");
        records[2].Expected.ShouldBeEmpty();
        records[3].Evaluated.ShouldBeFalse();
        records[3].Expected[0].Source.ShouldBe("\"THE MINISTRY\"");
    }

    [Fact]
    public void A_petrarch_record_without_a_date_is_an_error_naming_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write(PetrarchRecords.RecordsFile, "<Validation>\n<Sentence id=\"X-1\">\n<Text>t</Text></Sentence></Validation>");
        var e = Should.Throw<InvalidDataException>(() => PetrarchRecords.Read(path));
        e.Message.ShouldContain(path + ":2: record X-1 has no date");
    }

    [SkippableFact]
    public void The_petrarch_unit_test_folder_loads_with_its_own_dictionaries()
    {
        var dir = SharedData.Require("conformance/petrarch2-unittest");
        var set = PetrarchValidationSet.Load(dir);
        set.Records.Count.ShouldBe(284);
        set.Records.Count(r => !r.Evaluated).ShouldBe(5);
        set.Records.Sum(r => r.Expected.Count).ShouldBe(359);
        set.Actors.ResolveActor("Arnor", new DateOnly(1995, 1, 1))!.Code!.Code.ShouldBe("ARN");
        set.Verbs.HasVerb("restore").ShouldBeTrue();
        set.CreateCoder().ShouldNotBeNull();
    }
}
