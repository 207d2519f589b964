using System.Text;
using Dyad.Text.Readers;

namespace Dyad.Text.Tests.Readers;

public class JsonlReaderTests
{
    [Fact]
    public void ReadsFieldsAndDerivesMissingIds()
    {
        var (documents, rejections) = Read.All(Read.Example("wires.jsonl"));
        rejections.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["wire-0001", "wire-0002", "wires#3"]);
        documents.Select(d => d.Date).ShouldBe([new DateOnly(2022, 5, 10), new DateOnly(2022, 5, 11), new DateOnly(2022, 5, 12)]);
        documents[0].Title.ShouldBe("Kenya and Ethiopia agree to border patrols");
        documents[0].Source.ShouldBe("Example Wire");
        documents[0].Language.ShouldBe("en");
        documents[1].Url.ShouldBe("https://news.example.org/wire-0002");
        documents[2].Text.ShouldStartWith("Uganda's army");
    }

    [Fact]
    public void EachBadRecordIsRejectedByLineAndTheRestAreRead()
    {
        var (documents, rejections) = Read.All(Read.Example("bad/mixed-records.jsonl"));
        documents.Select(d => d.Id).ShouldBe(["ok-1", "ok-6"]);
        rejections.Select(r => (r.Line, r.Reason)).ShouldBe([
            (2L, RejectReason.Malformed), (3L, RejectReason.InvalidDate), (4L, RejectReason.MissingDate), (5L, RejectReason.EmptyText)]);
        rejections[0].Message.ShouldStartWith("broken JSON");
        rejections[0].Message.ShouldContain("(at byte ");
        rejections[0].Raw.ShouldNotBeNull().ShouldContain("broken-2");
        rejections[1].Message.ShouldContain("2020-02-30");
        rejections.ShouldAllBe(r => r.File.EndsWith("mixed-records.jsonl") && r.Record == null);
    }

    [Fact]
    public void TheDateOptionFillsOnlyMissingDates()
    {
        var options = new ReaderOptions { DefaultDate = new DateOnly(2020, 1, 1) };
        var (documents, _) = Read.All(options, Read.Example("bad/mixed-records.jsonl"));
        documents.Select(d => (d.Id, d.Date)).ShouldBe([
            ("ok-1", new DateOnly(2020, 3, 1)), ("undated-4", new DateOnly(2020, 1, 1)), ("ok-6", new DateOnly(2020, 3, 6))]);
    }

    [Fact]
    public void FieldNamesCanBeMappedIncludingNestedPaths()
    {
        using var temp = new TempInputs();
        var path = temp.Write("m.jsonl", """{"key": 42, "meta": {"published": "2021-07-01T10:00:00Z"}, "body": "Talks opened.", "headline": "H"}""" + "\n");
        var options = new ReaderOptions { Fields = new FieldMap { Id = "key", Date = "meta.published", Text = "body", Title = "headline" } };
        var doc = Read.All(options, path).Documents.ShouldHaveSingleItem();
        doc.Id.ShouldBe("42");
        doc.Date.ShouldBe(new DateOnly(2021, 7, 1));
        doc.Text.ShouldBe("Talks opened.");
        doc.Title.ShouldBe("H");
    }

    [Fact]
    public void AMissingTextFieldNamesTheOptionToMapIt()
    {
        using var temp = new TempInputs();
        var path = temp.Write("b.jsonl", """{"date": "2021-07-01", "body": "x"}""" + "\n");
        var r = Read.All(path).Rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.EmptyText);
        r.Message.ShouldContain("--text-field");
    }

    [Fact]
    public void AnOverlongLineAndAnInvalidUtf8LineAreSkippedAlone()
    {
        using var temp = new TempInputs();
        var good = """{"date": "2021-07-01", "text": "Fine."}""";
        var bytes = Encoding.UTF8.GetBytes(good + "\n{\"date\": \"2021-07-01\", \"text\": \"" + new string('x', 5000) + "\"}\n")
            .Concat(Encoding.UTF8.GetBytes("{\"date\": \"2021-07-01\", \"text\": \"caf")).Concat(new byte[] { 0xE9, (byte)'"', (byte)'}', (byte)'\n' })
            .Concat(Encoding.UTF8.GetBytes(good + "\n")).ToArray();
        var path = temp.Write("l.jsonl", bytes);
        var (documents, rejections) = Read.All(new ReaderOptions { MaxDocumentBytes = 1000 }, path);
        documents.Select(d => d.Id).ShouldBe(["l#1", "l#4"]);
        rejections.Select(r => (r.Line, r.Reason)).ShouldBe([(2L, RejectReason.TooLarge), (3L, RejectReason.InvalidUtf8)]);
    }
}

public class JsonArrayReaderTests
{
    [Fact]
    public void ReadsAnArrayWithMappedFields()
    {
        var options = new ReaderOptions { Fields = new FieldMap { Date = "published", Text = "body", Title = "headline", Source = "outlet" } };
        var (documents, rejections) = Read.All(options, Read.Example("briefs.json"));
        rejections.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["brief-17", "brief-18"]);
        documents[1].Date.ShouldBe(new DateOnly(2023, 9, 5));
        documents[0].Title.ShouldBe("Japan protests Chinese survey ship");
        documents[0].Source.ShouldBe("Example Asia Desk");
    }

    [Fact]
    public void ABrokenElementIsRejectedAndLaterElementsAreRead()
    {
        using var temp = new TempInputs();
        var path = temp.Write("a.json", """
            [
              {"id": "a", "date": "2020-01-01", "text": "One [with brackets] and \"quotes\" {inside}."},
              {"id": "b" "date": "2020-01-02", "text": "Missing comma."},
              42,
              {"id": "c", "date": "2020-01-03", "text": "Three."}
            ]
            """);
        var (documents, rejections) = Read.All(path);
        documents.Select(d => d.Id).ShouldBe(["a", "c"]);
        documents[0].Text.ShouldBe("One [with brackets] and \"quotes\" {inside}.");
        rejections.Select(r => (r.Record, r.Line, r.Reason)).ShouldBe([(2L, 3L, RejectReason.Malformed), (3L, 4L, RejectReason.Malformed)]);
        rejections[0].Location.ShouldBe($"{path} record 2 (line 3)");
        rejections[0].Message.ShouldNotContain("LineNumber");
        rejections[1].Message.ShouldContain("not an object");
    }

    [Fact]
    public void ReadsASingleObjectAndObjectsInSequence()
    {
        using var temp = new TempInputs();
        var one = temp.Write("one.json", "{\n  \"date\": \"2020-01-01\",\n  \"text\": \"Alone.\"\n}\n");
        var seq = temp.Write("seq.json", "{\"date\": \"2020-01-01\", \"text\": \"First.\"}\n\n{\n\"date\": \"2020-01-02\", \"text\": \"Second.\"}");
        var (documents, rejections) = Read.All(one, seq);
        rejections.ShouldBeEmpty();
        documents.Select(d => (d.Id, d.Text)).ShouldBe([("one#1", "Alone."), ("seq#1", "First."), ("seq#2", "Second.")]);
    }

    [Fact]
    public void ATruncatedArrayKeepsTheRecordsBeforeTheBreak()
    {
        using var temp = new TempInputs();
        var path = temp.Write("t.json", """[{"date": "2020-01-01", "text": "Kept."}, {"date": "2020-01-02", "text": "Cut of""");
        var (documents, rejections) = Read.All(path);
        documents.ShouldHaveSingleItem().Text.ShouldBe("Kept.");
        var r = rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.Malformed);
        r.Record.ShouldBe(2);
        r.Message.ShouldContain("ends inside this record");
    }

    [Fact]
    public void AnOversizeElementIsSkippedWithoutStoppingTheArray()
    {
        using var temp = new TempInputs();
        var path = temp.Write("big.json", "[{\"date\": \"2020-01-01\", \"text\": \"" + new string('z', 10_000) + "\"}, {\"date\": \"2020-01-02\", \"text\": \"Small.\"}]");
        var (documents, rejections) = Read.All(new ReaderOptions { MaxDocumentBytes = 2000 }, path);
        documents.ShouldHaveSingleItem().Text.ShouldBe("Small.");
        rejections.ShouldHaveSingleItem().Reason.ShouldBe(RejectReason.TooLarge);
    }
}
