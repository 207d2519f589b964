using Dyad.Text.Readers;

namespace Dyad.Text.Tests.Readers;

public class HtmlReaderTests
{
    [Fact]
    public void ExtractsTheArticleAndItsMetadata()
    {
        var (documents, rejections) = Read.All(Read.Example("sanctions.html"));
        rejections.ShouldBeEmpty();
        var doc = documents.ShouldHaveSingleItem();
        doc.Id.ShouldBe("sanctions");
        doc.Date.ShouldBe(new DateOnly(2021, 6, 24));
        doc.Title.ShouldBe("EU adopts new sanctions on Belarus officials");
        doc.Url.ShouldBe("https://europe.example.net/2021/06/24/eu-belarus-sanctions");
        doc.Source.ShouldBe("Example Europe");
        doc.Language.ShouldBe("en");
        doc.Text.ShouldContain("seventy-eight Belarusian officials");
        doc.Text.ShouldContain("last month.\n\nThe measures freeze");
        doc.Text.ShouldNotContain("Business");
        doc.Text.ShouldNotContain("All rights reserved");
    }

    [Theory]
    [InlineData("""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2022-10-03T07:00:00+09:00"}]}</script>""")]
    [InlineData("""<meta name="DC.date.issued" content="2022-10-03">""")]
    [InlineData("""<meta itemprop="datePublished" content="2022-10-03">""")]
    [InlineData("""<meta property="og:published_time" content="20221003">""")]
    public void FindsTheDateInCommonMetadata(string head)
    {
        using var temp = new TempInputs();
        var path = temp.Write("p.html", $"<html><head>{head}</head><body><p>Ministers met in Seoul on Monday.</p></body></html>");
        var doc = Read.All(path).Documents.ShouldHaveSingleItem();
        doc.Date.ShouldBe(new DateOnly(2022, 10, 3));
        doc.Text.ShouldBe("Ministers met in Seoul on Monday.");
    }

    [Fact]
    public void FindsTheDateInATimeElement()
    {
        using var temp = new TempInputs();
        var path = temp.Write("t.htm", "<html><body><time datetime=\"2022-10-04T09:00\">Tuesday</time><p>Talks ended.</p></body></html>");
        Read.All(path).Documents.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2022, 10, 4));
    }

    [Fact]
    public void AnUndatedPageNeedsTheDateOptionAndAnImpossibleDateIsRejected()
    {
        using var temp = new TempInputs();
        var undated = temp.Write("u.html", "<html><body><p>Talks ended.</p></body></html>");
        var impossible = temp.Write("i.html", "<html><head><meta name=\"date\" content=\"2022-02-30\"></head><body><p>Talks ended.</p></body></html>");
        var (documents, rejections) = Read.All(undated, impossible);
        documents.ShouldBeEmpty();
        rejections.Select(r => r.Reason).ShouldBe([RejectReason.MissingDate, RejectReason.InvalidDate]);
        rejections[1].Message.ShouldContain("2022-02-30");

        Read.All(new ReaderOptions { DefaultDate = new DateOnly(2022, 1, 1) }, undated).Documents.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2022, 1, 1));
    }

    [Fact]
    public void APageWithoutTextIsRejectedAsEmpty()
    {
        using var temp = new TempInputs();
        var path = temp.Write("e.html", "<html><head><meta name=\"date\" content=\"2022-02-03\"><script>var x = 1;</script></head><body>  </body></html>");
        Read.All(path).Rejections.ShouldHaveSingleItem().Reason.ShouldBe(RejectReason.EmptyText);
    }
}

public class FeedReaderTests
{
    [Fact]
    public void ReadsRssItemsWithDatesAsWrittenAndHtmlStripped()
    {
        var (documents, rejections) = Read.All(Read.Example("world-feed.rss"));
        rejections.ShouldBeEmpty();
        documents.Count.ShouldBe(2);
        var first = documents[0];
        first.Id.ShouldBe("https://world.example.com/a/48213");
        first.Date.ShouldBe(new DateOnly(2024, 3, 1));
        first.Title.ShouldBe("Brazil and Argentina pledge joint trade push");
        first.Url.ShouldBe("https://world.example.com/2024/03/01/brazil-argentina-trade");
        first.Source.ShouldBe("Example World News");
        first.Language.ShouldBe("en");
        first.Text.ShouldBe("The presidents of Brazil and Argentina pledged on Friday to expand trade within the Mercosur bloc.\n\nThey met in Brasilia for three hours.");
        documents[1].Id.ShouldBe("https://world.example.com/2024/03/02/indonesia-diplomat");
    }

    [Fact]
    public void ReadsAtomEntriesFallingBackToUpdated()
    {
        var (documents, rejections) = Read.All(Read.Example("region-feed.atom"));
        rejections.ShouldBeEmpty();
        documents.Select(d => (d.Id, d.Date)).ShouldBe([
            ("urn:example:regional-desk:7781", new DateOnly(2024, 4, 8)), ("urn:example:regional-desk:7790", new DateOnly(2024, 4, 9))]);
        documents[0].Text.ShouldStartWith("Security chiefs from Ghana and Togo");
        documents[1].Text.ShouldStartWith("Senegal recalled");
        documents[0].Url.ShouldBe("https://regional.example.org/7781");
        documents[0].Language.ShouldBe("en");
        documents[0].Source.ShouldBe("Example Regional Desk");
    }

    [Fact]
    public void KeepsThePublishersCalendarDateAcrossMidnightUtc()
    {
        using var temp = new TempInputs();
        var path = temp.Write("late.xml", """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Late</title><pubDate>Fri, 01 Mar 2024 23:30:00 -0300</pubDate><description>Late news.</description></item>
            </channel></rss>
            """);
        Read.All(path).Documents.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void BadItemsAreRejectedByRecordNumber()
    {
        using var temp = new TempInputs();
        var path = temp.Write("f.rss", """
            <rss version="2.0"><channel><title>T</title>
            <item><title>No date</title><description>Undated.</description></item>
            <item><title>Bad date</title><pubDate>Sun, 30 Feb 2020 10:00:00 GMT</pubDate><description>Impossible.</description></item>
            <item><title>Empty</title><pubDate>Sun, 02 Feb 2020 10:00:00 GMT</pubDate></item>
            <item><title>Good</title><pubDate>Sun, 02 Feb 2020 10:00:00 GMT</pubDate><description>Fine.</description></item>
            </channel></rss>
            """);
        var (documents, rejections) = Read.All(path);
        documents.ShouldHaveSingleItem().Text.ShouldBe("Fine.");
        documents[0].Id.ShouldBe("f#4");
        rejections.Select(r => (r.Record, r.Reason)).ShouldBe([
            (1L, RejectReason.MissingDate), (2L, RejectReason.InvalidDate), (3L, RejectReason.EmptyText)]);
        rejections[0].Raw.ShouldNotBeNull().ShouldContain("Undated.");
    }

    [Fact]
    public void BrokenXmlRejectsTheFile()
    {
        using var temp = new TempInputs();
        var path = temp.Write("broken.rss", "<rss version=\"2.0\"><channel><item><title>Open");
        var r = Read.All(path).Rejections.ShouldHaveSingleItem();
        r.Reason.ShouldBe(RejectReason.Malformed);
        r.File.ShouldBe(path);
    }
}
