using Dyad.Text.Tokenization;

namespace Dyad.Text.Tests;

public class TokenizerTests
{
    private static string Forms(string text) => string.Join(" ", Tokenizer.Default.Tokenize(text).Select(t => t.Text));

    [Theory]
    [InlineData("The envoy said she won't quit and Moscow's aide can't comment.",
        "The envoy said she wo n't quit and Moscow 's aide ca n't comment .")]
    [InlineData("Rebels cannot hold the town; we're gonna see a deal, they'll say.",
        "Rebels can not hold the town ; we 're gon na see a deal , they 'll say .")]
    [InlineData("I dont think im wrong, said the mayor.", "I do nt think i m wrong , said the mayor .")]
    [InlineData("Parents' groups met Iran’s envoy.", "Parents ' groups met Iran ’s envoy .")]
    public void SplitsCliticsLikeEwt(string text, string expected) => Forms(text).ShouldBe(expected);

    [Theory]
    [InlineData("U.S. troops left at 3 p.m. on Feb. 3, Gen. Smith said.", "U.S. troops left at 3 p.m. on Feb. 3 , Gen. Smith said .")]
    [InlineData("It was signed by Acme Corp. and the U.K.", "It was signed by Acme Corp. and the U.K.")]
    [InlineData("She met John F. Kennedy Jr. in 1961.", "She met John F. Kennedy Jr. in 1961 .")]
    [InlineData("Item No. 5 was sold. Say no.", "Item No. 5 was sold . Say no .")]
    [InlineData("It rained. I stayed.", "It rained . I stayed .")]
    public void KeepsAbbreviationPeriods(string text, string expected) => Forms(text).ShouldBe(expected);

    [Theory]
    [InlineData("Exports rose 3.5% to $1,000,000 while 1M+ users joined.", "Exports rose 3.5 % to $ 1,000,000 while 1 M + users joined .")]
    [InlineData("The 5kg bag cost $170m at 7:30PM in the 1990s, the 3rd time.", "The 5 kg bag cost $ 170 m at 7:30 PM in the 1990s , the 3rd time .")]
    [InlineData("Call 713-853-3989 before 11/28/2000 or 9/11.", "Call 713-853-3989 before 11/28/2000 or 9/11 .")]
    [InlineData("Scores of 5-10 and 3/4 cups", "Scores of 5 - 10 and 3/4 cups")]
    public void HandlesNumbers(string text, string expected) => Forms(text).ShouldBe(expected);

    [Theory]
    [InlineData("Follow @UN_News and #ClimateAction at https://news.un.org/en/story?id=12&x=1, or mail press.office@un.org.",
        "Follow @UN_News and #ClimateAction at https://news.un.org/en/story?id=12&x=1 , or mail press.office@un.org .")]
    [InlineData("Talks resume today. pic.twitter.com/sMEF4wXUu9 — Secretary Pompeo (@SecPompeo)",
        "Talks resume today . pic.twitter.com/sMEF4wXUu9 — Secretary Pompeo ( @SecPompeo )")]
    [InlineData("See www.reuters.com. Ranked #1 by (cnn.com)!", "See www.reuters.com . Ranked # 1 by ( cnn.com ) !")]
    [InlineData("Great news :-) really", "Great news :-) really")]
    [InlineData("See you :-). Bye ;) ok", "See you :-) . Bye ;) ok")]
    public void KeepsWebItemsWhole(string text, string expected) => Forms(text).ShouldBe(expected);

    [Theory]
    [InlineData("A long-term, Chinese-made e-mail system for non-profit and pre-war groups",
        "A long - term , Chinese - made e-mail system for non-profit and pre-war groups")]
    [InlineData("U.S.-led forces -- and allies — moved.", "U.S. - led forces -- and allies — moved .")]
    [InlineData("“We will not back down,” he said... ‘Never.’", "“ We will not back down , ” he said ... ‘ Never . ’")]
    [InlineData("(Reuters) - Oil rose [sic] and/or fell.", "( Reuters ) - Oil rose [ sic ] and / or fell .")]
    public void SplitsDashesQuotesAndBrackets(string text, string expected) => Forms(text).ShouldBe(expected);

    [Fact]
    public void GivesExactOffsetsAndSpaceAfter()
    {
        var text = "Hello, world!  Bye.";
        var tokens = Tokenizer.Default.Tokenize(text);
        tokens.Select(t => (t.Start, t.End, t.SpaceAfter)).ShouldBe(new[]
        {
            (0, 5, false), (5, 6, true), (7, 12, false), (12, 13, true), (15, 18, false), (18, 19, true),
        });
        foreach (var t in tokens) t.Text.ShouldBe(text[t.Start..t.End]);
    }

    [Fact]
    public void NormalizesWithoutMovingOffsets()
    {
        var text = "“Iran’s leader didn’t go…”\u00A0she said";
        var tokens = Tokenizer.Default.Tokenize(text);
        tokens.Select(t => t.Text).ShouldBe(new[] { "“", "Iran", "’s", "leader", "did", "n’t", "go", "…", "”", "she", "said" });
        tokens.Select(t => t.Norm).ShouldBe(new[] { "\"", "Iran", "'s", "leader", "did", "n't", "go", "...", "\"", "she", "said" });
        foreach (var t in tokens) t.Text.ShouldBe(text[t.Start..t.End]);
        tokens[8].SpaceAfter.ShouldBeTrue(); // a non-breaking space is still a space
    }

    [Fact]
    public void KeepsEmojiSequencesTogether()
    {
        var text = "Great 👍🏽 news 🇺🇸!";
        Forms(text).ShouldBe("Great 👍🏽 news 🇺🇸 !");
    }

    [Fact]
    public void ReusesTheStringsOfRepeatedShortForms()
    {
        var a = Tokenizer.Default.Tokenize("the talks said the envoy");
        var b = Tokenizer.Default.Tokenize("and the talks said");
        ReferenceEquals(a[0].Text, a[3].Text).ShouldBeTrue();
        ReferenceEquals(a[1].Text, b[2].Text).ShouldBeTrue();
        var longWord = "internationalization";
        var c = Tokenizer.Default.Tokenize(longWord + " " + longWord);
        c[0].Text.ShouldBe(longWord);
        c[1].Text.ShouldBe(longWord);
    }

    [Fact]
    public void LongPunctuationRunsAndRepeatsStayLinear()
    {
        var emoticons = string.Concat(Enumerable.Repeat(":-)", 100_000));
        Tokenizer.Default.Tokenize(emoticons).Length.ShouldBe(100_000);
        var brackets = string.Concat(Enumerable.Repeat("()", 100_000));
        Tokenizer.Default.Tokenize(brackets).Length.ShouldBe(200_000);
        var dotted = string.Concat(Enumerable.Repeat("a.-", 100_000));
        Tokenizer.Default.Tokenize(dotted).Sum(t => t.Length).ShouldBe(dotted.Length);
    }

    [Fact]
    public void TokenizesARangeWithDocumentOffsets()
    {
        var text = "Skip this. Take these words.";
        var list = new List<Token>();
        Tokenizer.Default.Tokenize(text, 11, text.Length, list);
        list.Select(t => t.Text).ShouldBe(new[] { "Take", "these", "words", "." });
        list[0].Start.ShouldBe(11);
        Should.Throw<ArgumentOutOfRangeException>(() => Tokenizer.Default.Tokenize(text, 5, 100, list));
    }
}
