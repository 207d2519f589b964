using System.Text;
using Dyad.Text.Readers;

namespace Dyad.Text.Tests.Readers;

public class DatedTextReaderTests
{
    [Fact]
    public void ReadsTheSampleFormWithLeadingSpaceAndBodyOnTheHeaderLine()
    {
        var (documents, rejections) = Read.All(Read.Example("pompeo-kazakhstan.txt"));
        rejections.ShouldBeEmpty();
        var doc = documents.ShouldHaveSingleItem();
        doc.Id.ShouldBe("pompeo-kazakhstan");
        doc.Date.ShouldBe(new DateOnly(2020, 2, 2));
        doc.Text.ShouldStartWith("United States Secretary of State Mike Pompeo on Sunday urged Kazakhstan");
        doc.Text.ShouldContain("pic.twitter.com/AbC123xyZ — Secretary Pompeo (@SecPompeo) February 2, 2020");
        doc.Text.ShouldContain("\n\nPompeo met Kazakh President");
        doc.Text.ShouldNotContain("date 2020");
        doc.Text.ShouldBe(doc.Text.Trim());
    }

    [Fact]
    public void SplitsAFileIntoRecordsAtEachDateHeaderAndNumbersTheirIds()
    {
        var (documents, rejections) = Read.All(Read.Example("multi-record.txt"));
        rejections.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["multi-record#1", "multi-record#2"]);
        documents.Select(d => d.Date).ShouldBe([new DateOnly(2021, 3, 14), new DateOnly(2021, 3, 15)]);
        documents[0].Text.ShouldBe("The foreign ministers of Chile and Argentina signed an agreement in Santiago on Sunday to share data on forest fires along their border.\nBoth ministers said the accord would take effect within thirty days.");
        documents[1].Text.ShouldStartWith("Protesters gathered");
    }

    [Fact]
    public void PlainTextTakesTheDateOption()
    {
        var options = new ReaderOptions { DefaultDate = new DateOnly(2019, 5, 6) };
        var (documents, _) = Read.All(options, Read.Example("plain-ceasefire.txt"));
        var doc = documents.ShouldHaveSingleItem();
        doc.Date.ShouldBe(new DateOnly(2019, 5, 6));
        doc.Id.ShouldBe("plain-ceasefire");
        doc.Text.ShouldStartWith("Representatives of the government of Moldova");
    }

    [Fact]
    public void PlainTextWithoutDateOptionIsRejectedAsMissingDate()
    {
        var (documents, rejections) = Read.All(Read.Example("bad/undated.txt"));
        documents.ShouldBeEmpty();
        var r = rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.MissingDate);
        r.File.ShouldEndWith("undated.txt");
        r.Line.ShouldBe(1);
        r.Raw.ShouldNotBeNull().ShouldStartWith("Delegations from Norway");
    }

    [Fact]
    public void AnImpossibleDateRejectsOnlyItsRecord()
    {
        using var temp = new TempInputs();
        var path = temp.Write("three.txt", "date 2020-02-01 First story.\n\ndate 2020-02-30 Second story.\nMore of it.\ndate 2020-03-01 Third story.\n");
        var (documents, rejections) = Read.All(path);
        documents.Select(d => d.Text).ShouldBe(["First story.", "Third story."]);
        documents.Select(d => d.Id).ShouldBe(["three#1", "three#3"]);
        var r = rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.InvalidDate);
        r.Record.ShouldBe(3 - 1);
        r.Line.ShouldBe(3);
        r.Message.ShouldContain("2020-02-30");
        r.Location.ShouldBe($"{path} record 2 (line 3)");
        r.Raw.ShouldBe("date 2020-02-30 Second story.\nMore of it.");
    }

    [Fact]
    public void AHeaderWithoutTextIsRejectedAsEmpty()
    {
        using var temp = new TempInputs();
        var path = temp.Write("e.txt", " date 2020-02-01\n\n date 2020-02-02 Something happened.\n");
        var (documents, rejections) = Read.All(path);
        documents.ShouldHaveSingleItem().Text.ShouldBe("Something happened.");
        rejections.ShouldHaveSingleItem().Reason.ShouldBe(RejectReason.EmptyText);
    }

    [Fact]
    public void InvalidUtf8RejectsTheRecordAndNamesTheLine()
    {
        using var temp = new TempInputs();
        var bytes = Encoding.UTF8.GetBytes("date 2020-02-01 Good.\ndate 2020-02-02 Bad ")
            .Concat(new byte[] { 0xFC, 0x72 }).Concat(Encoding.UTF8.GetBytes("\nline.\ndate 2020-02-03 Good again.\n")).ToArray();
        var path = temp.Write("u.txt", bytes);
        var (documents, rejections) = Read.All(path);
        documents.Select(d => d.Text).ShouldBe(["Good.", "Good again."]);
        var r = rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.InvalidUtf8);
        r.Message.ShouldContain("line 2");
    }

    [Fact]
    public void Latin1ExampleIsRejectedAsInvalidUtf8()
    {
        var (_, rejections) = Read.All(new ReaderOptions { DefaultDate = new DateOnly(2020, 1, 1) }, Read.Example("bad/latin1.txt"));
        rejections.ShouldHaveSingleItem().Reason.ShouldBe(RejectReason.InvalidUtf8);
    }

    [Fact]
    public void A50MegabyteLineIsRejectedWithoutHoldingItAndTheNextRecordIsRead()
    {
        using var temp = new TempInputs();
        var path = Path.Combine(temp.Root, "huge.txt");
        using (var file = File.Create(path))
        {
            file.Write("date 2020-02-01 "u8);
            var block = new byte[1 << 20];
            block.AsSpan().Fill((byte)'a');
            for (int i = 0; i < 50; i++) file.Write(block);
            file.Write("\ndate 2020-02-02 After the flood.\n"u8);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        var (documents, rejections) = Read.All(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        documents.ShouldHaveSingleItem().Text.ShouldBe("After the flood.");
        var r = rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.TooLarge);
        r.Line.ShouldBe(1);
        r.Message.ShouldContain("52,428,816 bytes");
        r.Raw!.Length.ShouldBeLessThanOrEqualTo(Rejection.MaxRawChars + 1);
        // The line is capped at the 8 MiB limit, so far less than the 50 MB line is ever allocated.
        allocated.ShouldBeLessThan(40L << 20);
    }

    [Fact]
    public void CrLfLineEndingsAreNormalised()
    {
        using var temp = new TempInputs();
        var path = temp.Write("crlf.txt", "\uFEFF date 2020-02-01 One.\r\nTwo.\r\n");
        var (documents, _) = Read.All(path);
        documents.ShouldHaveSingleItem().Text.ShouldBe("One.\nTwo.");
    }

    [Fact]
    public void AMidTextLineStartingWithDateInPlainTextDoesNotSplitIt()
    {
        using var temp = new TempInputs();
        var path = temp.Write("p.txt", "Talks resumed.\ndate 2020-02-02 was set for the vote.\n");
        var (documents, _) = Read.All(new ReaderOptions { DefaultDate = new DateOnly(2020, 1, 1) }, path);
        documents.ShouldHaveSingleItem().Text.ShouldBe("Talks resumed.\ndate 2020-02-02 was set for the vote.");
    }
}
