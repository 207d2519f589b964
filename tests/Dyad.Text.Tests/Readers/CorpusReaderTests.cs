using System.Text;
using Dyad.Text.Readers;

namespace Dyad.Text.Tests.Readers;

public class CorpusReaderTests
{
    private const string Record = """{"date": "2020-01-01", "text": "Talks."}""";

    [Fact]
    public void ReadsADirectoryRecursivelyInOrdinalOrderSkippingHiddenFiles()
    {
        using var temp = new TempInputs();
        temp.Write("corpus/b.txt", "date 2020-01-02 B.");
        temp.Write("corpus/a/z.txt", "date 2020-01-01 AZ.");
        temp.Write("corpus/A.txt", "date 2020-01-03 Upper A.");
        temp.Write("corpus/.hidden/x.txt", "date 2020-01-04 Hidden.");
        temp.Write("corpus/.DS_Store", "junk");
        var (documents, rejections) = Read.All(Path.Combine(temp.Root, "corpus"));
        rejections.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["A", "a/z", "b"]);
    }

    [Fact]
    public void ExpandsGlobsWithDoubleStar()
    {
        using var temp = new TempInputs();
        temp.Write("g/2020/x.jsonl", Record + "\n");
        temp.Write("g/2021/deep/y.jsonl", Record + "\n");
        temp.Write("g/2021/deep/y.txt", "date 2020-01-01 Not matched.");
        var (documents, rejections) = Read.All(Path.Combine(temp.Root, "g", "**", "*.jsonl"));
        rejections.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["2020/x#1", "2021/deep/y#1"]);
    }

    [Fact]
    public void AGlobWithoutMatchesAndAMissingFileAreRejectedAndTheRestIsRead()
    {
        using var temp = new TempInputs();
        var good = temp.Write("ok.jsonl", Record + "\n");
        var (documents, rejections) = Read.All(Path.Combine(temp.Root, "missing.txt"), Path.Combine(temp.Root, "*.nothing"), good);
        documents.Count.ShouldBe(1);
        rejections.Select(r => r.Reason).ShouldBe([RejectReason.Unreadable, RejectReason.Unreadable]);
        rejections[0].Message.ShouldContain("no such file");
        rejections[1].Message.ShouldContain("no file matches");
    }

    [Fact]
    public void ReadsGzipFilesUsingTheInnerName()
    {
        var (documents, rejections) = Read.All(Read.Example("archive-wires.jsonl.gz"));
        rejections.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["archive-0101", "archive-0102"]);

        using var temp = new TempInputs();
        var html = temp.WriteGzip("page.html.gz", "<html><head><meta name=\"date\" content=\"2021-01-05\"></head><body><p>Compressed page.</p></body></html>");
        var misnamed = temp.WriteGzip("story.txt", " date 2021-01-06 Compressed but not named so.");
        var read = Read.All(html, misnamed);
        read.Rejections.ShouldBeEmpty();
        read.Documents.Select(d => (d.Id, d.Text)).ShouldBe([("page", "Compressed page."), ("story", "Compressed but not named so.")]);
    }

    [Fact]
    public void CorruptGzipIsUnreadableAndTheNextInputIsStillRead()
    {
        using var temp = new TempInputs();
        var bytes = new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 0x12, 0x34 };
        var corrupt = temp.Write("corrupt.jsonl.gz", bytes);
        var good = temp.Write("ok.jsonl", Record + "\n");
        var (documents, rejections) = Read.All(corrupt, good);
        documents.Count.ShouldBe(1);
        var r = rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.Unreadable);
        r.File.ShouldBe(corrupt);
    }

    [Fact]
    public void BinaryFilesAreRejected()
    {
        using var temp = new TempInputs();
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        random[100] = 0;
        var path = temp.Write("image.txt", random);
        var (documents, rejections) = Read.All(new ReaderOptions { DefaultDate = new DateOnly(2020, 1, 1) }, path, Read.Example("bad/picture.txt"));
        documents.ShouldBeEmpty();
        rejections.Select(r => r.Reason).ShouldBe([RejectReason.Binary, RejectReason.Binary]);
        rejections[0].Raw.ShouldBeNull();
    }

    [Fact]
    public void Utf16TextIsRejectedWithAHint()
    {
        using var temp = new TempInputs();
        var path = temp.Write("wide.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(" date 2020-01-01 Wide.")).ToArray());
        var r = Read.All(path).Rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.Binary);
        r.Message.ShouldContain("UTF-16");
    }

    [Fact]
    public void ReadsStdinAndSniffsItsFormat()
    {
        var options = new ReaderOptions { OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes(Record + "\n" + Record + "\n")) };
        var (documents, _) = Read.All(options, "-");
        documents.Select(d => d.Id).ShouldBe(["stdin#1", "stdin#2"]);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><pubDate>2020-01-01</pubDate><description>Item.</description></item></channel></rss>", "Item.")]
    [InlineData("<!DOCTYPE html><html><head><meta name=\"date\" content=\"2020-01-01\"></head><body><p>Page.</p></body></html>", "Page.")]
    [InlineData("[{\"date\": \"2020-01-01\", \"text\": \"Array.\"}]", "Array.")]
    [InlineData("{\"date\": \"2020-01-01\", \"text\": \"Line.\"}\n", "Line.")]
    [InlineData("{\n\"date\": \"2020-01-01\",\n\"text\": \"Pretty.\"\n}\n", "Pretty.")]
    [InlineData(" date 2020-01-01 Dated.", "Dated.")]
    public void SniffsTheFormatOfFilesWithoutAKnownExtension(string content, string text)
    {
        using var temp = new TempInputs();
        var path = temp.Write("input.dat", content);
        Read.All(path).Documents.ShouldHaveSingleItem().Text.ShouldBe(text);
    }

    [Fact]
    public void AnExplicitFormatOverridesTheExtension()
    {
        using var temp = new TempInputs();
        var path = temp.Write("records.txt", Record + "\n");
        Read.All(new ReaderOptions { Format = InputFormat.Jsonl }, path).Documents.ShouldHaveSingleItem().Text.ShouldBe("Talks.");
    }

    [Fact]
    public void ReadsEveryExampleWithoutRejections()
    {
        var examples = Path.Combine(Dyad.Tests.SharedData.RepositoryRoot, "examples");
        var options = new ReaderOptions { DefaultDate = new DateOnly(2020, 1, 1) };
        var files = Directory.GetFiles(examples).Where(f => !f.EndsWith("briefs.json")).ToArray();
        var (documents, rejections) = Read.All(options, files);
        rejections.ShouldBeEmpty();
        documents.Count.ShouldBeGreaterThanOrEqualTo(files.Length);
        documents.Select(d => d.Id).Distinct().Count().ShouldBe(documents.Count);
    }
}
