using CsCheck;
using Dyad.Text.Readers;

namespace Dyad.Text.Tests.Readers;

public class DateParserTests
{
    [Theory]
    [InlineData("2020-02-02", 2020, 2, 2)]
    [InlineData(" 2020-02-02 ", 2020, 2, 2)]
    [InlineData("20200202", 2020, 2, 2)]
    [InlineData("2020-02-02T23:30:00+06:00", 2020, 2, 2)]
    [InlineData("2020-02-02T23:30:00-11:00", 2020, 2, 2)]
    [InlineData("2020-02-02 08:00", 2020, 2, 2)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("Sun, 02 Feb 2020 14:30:00 GMT", 2020, 2, 2)]
    [InlineData("Fri, 01 Mar 2024 23:30:00 -0300", 2024, 3, 1)]
    [InlineData("2 February 2020", 2020, 2, 2)]
    [InlineData("February 2, 2020", 2020, 2, 2)]
    [InlineData("Sept 30, 2021", 2021, 9, 30)]
    public void ReadsTheDateAsWritten(string text, int year, int month, int day)
    {
        DateParser.TryParse(text, out var date, out var error).ShouldBeTrue(error);
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("2020-02-30", "impossible")]
    [InlineData("2023-02-29", "impossible")]
    [InlineData("20201301", "impossible")]
    [InlineData("31 Feb 2020", "impossible")]
    [InlineData("yesterday", "not a date")]
    [InlineData("2020/02/02", "not a date")]
    [InlineData("12345", "not a date")]
    [InlineData("", "empty")]
    public void RejectsMalformedAndImpossibleDatesWithAReason(string text, string reason)
    {
        DateParser.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain(reason);
    }

    [Fact]
    public void EveryRealDateRoundTripsInBothNumericForms()
    {
        Gen.Int[1, 3_652_058].Select(DateOnly.FromDayNumber).Sample(date =>
        {
            DateParser.TryParse(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), out var a).ShouldBeTrue();
            DateParser.TryParse(date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), out var b).ShouldBeTrue();
            a.ShouldBe(date);
            b.ShouldBe(date);
        });
    }
}
