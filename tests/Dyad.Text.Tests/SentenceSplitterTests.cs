using Dyad.Text.Tokenization;

namespace Dyad.Text.Tests;

public class SentenceSplitterTests
{
    private static readonly TextAnalyzer Analyzer = new();

    private static string[] Sentences(string text)
    {
        var doc = Analyzer.Analyze(text);
        return doc.Sentences.Select(s => s.TextOf(text)).ToArray();
    }

    [Fact]
    public void AbbreviationsDoNotEndSentences()
    {
        Sentences("Gen. Mark Ito met Sen. Ann Reed on Feb. 4 in Washington. The talks lasted two hours.")
            .ShouldBe(new[] { "Gen. Mark Ito met Sen. Ann Reed on Feb. 4 in Washington.", "The talks lasted two hours." });
        Sentences("The report by Mary K. Oduya and Dr. Lee was out at 9 a.m. on Monday.").Length.ShouldBe(1);
        Sentences("U.S. officials said the deal with Acme Inc. was off.").Length.ShouldBe(1);
    }

    [Fact]
    public void AbbreviationEndsSentenceBeforeATypicalOpener()
    {
        Sentences("The firm is based in the U.S. It employs 400 people.")
            .ShouldBe(new[] { "The firm is based in the U.S.", "It employs 400 people." });
        Sentences("Shares fell at Orbis Corp. The drop was small.").Length.ShouldBe(2);
    }

    [Fact]
    public void QuotesStayWithTheirSentence()
    {
        Sentences("\"We are ready,\" the colonel said. \"The enemy is not.\" Then he left.")
            .ShouldBe(new[] { "\"We are ready,\" the colonel said.", "\"The enemy is not.\"", "Then he left." });
        Sentences("“Why now?” she asked. Nobody answered.")
            .ShouldBe(new[] { "“Why now?” she asked.", "Nobody answered." });
    }

    [Fact]
    public void EllipsesEndSentencesOnlyBeforeCapitals()
    {
        Sentences("He paused... and then he left.").Length.ShouldBe(1);
        Sentences("It ended... The next day began.").Length.ShouldBe(2);
        Sentences("Wait . . . Then it came.").ShouldBe(new[] { "Wait . . .", "Then it came." });
    }

    [Fact]
    public void LineBreaksSeparateHeadlinesAndParagraphs()
    {
        var text = "Iran rejects talks offer\n\nTehran turned down the offer on Sunday\nOfficials gave no reason.";
        Sentences(text).ShouldBe(new[] { "Iran rejects talks offer", "Tehran turned down the offer on Sunday", "Officials gave no reason." });
    }

    [Fact]
    public void HardWrappedLinesAreJoined()
    {
        var text = "The delegation arrived in the capital late on Tuesday after a long\nflight from Geneva, officials said.";
        Sentences(text).Length.ShouldBe(1);
    }

    [Fact]
    public void DatelineIsItsOwnSentence()
    {
        Sentences("NUR-SULTAN (Reuters) - Kazakhstan's president met the visiting envoy on Sunday. They spoke for an hour.")
            .ShouldBe(new[] { "NUR-SULTAN (Reuters) -", "Kazakhstan's president met the visiting envoy on Sunday.", "They spoke for an hour." });
        Sentences("KABUL, Afghanistan (AP) — A blast hit the city.").First().ShouldBe("KABUL, Afghanistan (AP) —");
        Sentences("WASHINGTON — The Senate voted on Friday.").First().ShouldBe("WASHINGTON —");
        Sentences("LONDON, Feb 3 (Reuters) - Oil prices fell.").First().ShouldBe("LONDON, Feb 3 (Reuters) -");
        Sentences("BEIJING, March 5, 2020 (Xinhua) -- Trade rose.").First().ShouldBe("BEIJING, March 5, 2020 (Xinhua) --");
        // A capitalized word and a hyphen in running text is no dateline.
        Sentences("NATO - the alliance - met.").Length.ShouldBe(1);
    }

    [Fact]
    public void TweetAttributionIsItsOwnSentence()
    {
        var text = "The visit was praised online.\n\nGreat talks with President Tokayev on trade and security. " +
                   "pic.twitter.com/sMEF4wXUu9 — Secretary Pompeo (@SecPompeo) February 2, 2020\n\nThe trip continues on Monday.";
        var doc = Analyzer.Analyze(text);
        var sentences = doc.Sentences.Select(s => s.TextOf(text)).ToArray();
        sentences.ShouldContain("— Secretary Pompeo (@SecPompeo) February 2, 2020");
        sentences.ShouldContain("pic.twitter.com/sMEF4wXUu9");
        var tweet = doc.Sentences.Single(s => s.Tweet != null);
        tweet.TextOf(text).ShouldStartWith("—");
        tweet.Tweet.ShouldBe(new TweetAttribution("Secretary Pompeo", "@SecPompeo", new DateOnly(2020, 2, 2)));
        doc.Sentences.Count(s => s.Tweet != null).ShouldBe(1);
    }

    [Fact]
    public void TweetAttributionInRunningTextWithoutBlankLine()
    {
        var text = "We stand with our allies. — Jane Roe (@jroe) Mar 3, 2021 Officials later confirmed the call.";
        var doc = Analyzer.Analyze(text);
        var tweet = doc.Sentences.Single(s => s.Tweet != null);
        tweet.TextOf(text).ShouldBe("— Jane Roe (@jroe) Mar 3, 2021");
        tweet.Tweet!.Date.ShouldBe(new DateOnly(2021, 3, 3));
        doc.Sentences.Last().TextOf(text).ShouldBe("Officials later confirmed the call.");
    }

    [Fact]
    public void ListNumbersAndRepeatedMarks()
    {
        Sentences("1. The first point is cost.").Length.ShouldBe(1);
        Sentences("Really?!? Yes!!").ShouldBe(new[] { "Really?!?", "Yes!!" });
        Sentences("Is it over? ? ? No.").ShouldBe(new[] { "Is it over? ? ?", "No." });
    }

    [Fact]
    public void SentencesCoverTheirTokens()
    {
        var text = "  Leading space. Two sentences here!  \n";
        var doc = Analyzer.Analyze(text);
        doc.Sentences.Count.ShouldBe(2);
        foreach (var s in doc.Sentences)
        {
            s.Start.ShouldBe(s.Tokens[0].Start);
            s.End.ShouldBe(s.Tokens[^1].End);
        }
        Analyzer.Analyze("").Sentences.ShouldBeEmpty();
        Analyzer.Analyze(" \n\t ").Sentences.ShouldBeEmpty();
    }
}

public class TextAnalyzerConcurrencyTests
{
    [Fact]
    public void OneAnalyzerServesManyThreadsWithTheSameResult()
    {
        var analyzer = new TextAnalyzer();
        var texts = Enumerable.Range(0, 16).Select(i =>
            $"LONDON (Reuters) - Talks on item No. {i} resumed on Feb. {i + 1}. \"We can't wait,\" Mr. Lee said.\n\nMore at www.example.com/{i} :-) Thanks").ToArray();
        string Render(string t) => string.Join("|", analyzer.Analyze(t).Sentences.Select(s => string.Join(" ", s.Tokens.Select(x => x.Text))));
        var expected = texts.Select(Render).ToArray();
        var results = new string[200];
        Parallel.For(0, results.Length, i => results[i] = Render(texts[i % texts.Length]));
        for (int i = 0; i < results.Length; i++) results[i].ShouldBe(expected[i % texts.Length]);
        expected[3].ShouldBe("LONDON ( Reuters ) -|Talks on item No. 3 resumed on Feb. 4 .|\" We ca n't wait , \" Mr. Lee said .|More at www.example.com/3 :-)|Thanks");
    }
}
