using CsCheck;
using Dyad.Knowledge.Dictionaries;

namespace Dyad.Knowledge.Tests;

public class PhraseNormalizerTests
{
    private static readonly string[] Pieces =
    [
        " ", "_", "-", "/", ".", "'", "’", ",", "(", ")", "&", "+", "\t", "U.S.", "Nur-Sultan", "BAN_KI-MOON", "Côte d'Ivoire",
        "São", "Straße", "Æ", "İ", "ǅ", "中文", "😀", "é", "e\u0301", "THE", "the", "a", "1", "42",
    ];

    private static readonly Gen<string> Text =
        Gen.OneOf(Gen.OneOf(Pieces), Gen.Char['\0', '\uFFFF'].Select(c => c.ToString()), Gen.Char[' ', '~'].Select(c => c.ToString()))
           .Array[0, 30]
           .Select(parts => string.Concat(parts));

    [Theory]
    [InlineData("U.S.", "us")]
    [InlineData("THE_UNITED_NATIONS_", "the united nations")]
    [InlineData("  Ban  Ki-moon ", "ban ki moon")]
    [InlineData("Côte d'Ivoire", "cote divoire")]
    [InlineData("Bogotá", "bogota")]
    [InlineData("Straße", "strasse")]
    [InlineData("GROẞE", "grosse")]
    [InlineData("People's Republic of China", "peoples republic of china")]
    [InlineData("...", "")]
    public void Examples(string text, string key) => PhraseNormalizer.Normalize(text).ShouldBe(key);

    [Fact]
    public void KeysAreIdempotentTrimmedSingleSpacedAndCaseInsensitive()
    {
        Text.Sample(text =>
        {
            var key = PhraseNormalizer.Normalize(text);
            Assert.Equal(key, PhraseNormalizer.Normalize(key));
            Assert.DoesNotContain("  ", key);
            Assert.False(key.StartsWith(' ') || key.EndsWith(' '), $"'{key}' has an outer space");
            Assert.Equal(key, PhraseNormalizer.NormalizeTokens(text.Split(' ')));
        });
    }

    [Fact]
    public void AsciiKeysIgnoreCase() =>
        Gen.String[Gen.Char[' ', '~'], 0, 40].Sample(text =>
            Assert.Equal(PhraseNormalizer.Normalize(text.ToLowerInvariant()), PhraseNormalizer.Normalize(text.ToUpperInvariant())));

    [Fact]
    public void IntervalsContainBothEndsAndNothingOutside()
    {
        Gen.Select(Gen.Int[0, 20000], Gen.Int[0, 400], Gen.Int[-5, 500]).Sample((start, length, offset) =>
        {
            var from = new DateOnly(1970, 1, 1).AddDays(start);
            var to = from.AddDays(length);
            var interval = new DateInterval(from, to);
            var day = from.AddDays(offset);
            Assert.Equal(offset >= 0 && offset <= length, interval.Contains(day));
            Assert.True(new DateInterval(null, to).Contains(from));
            Assert.True(new DateInterval(from, null).Contains(to));
            Assert.True(DateInterval.Always.Contains(day));
        });
    }
}
