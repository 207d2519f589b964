using CsCheck;
using Dyad.Coding.Dates;

namespace Dyad.Coding.Tests.Setting;

public sealed class DateArithmeticTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_weekday_is_the_most_recent_one_on_or_before_the_reference()
    {
        // 2020-02-02 is a Sunday.
        DateArithmetic.MostRecent(D(2020, 2, 2), DayOfWeek.Sunday).ShouldBe(D(2020, 2, 2));
        DateArithmetic.MostRecent(D(2020, 2, 2), DayOfWeek.Saturday).ShouldBe(D(2020, 2, 1));
        DateArithmetic.MostRecent(D(2020, 2, 2), DayOfWeek.Monday).ShouldBe(D(2020, 1, 27));
        DateArithmetic.MostRecent(D(2020, 2, 5), DayOfWeek.Sunday).ShouldBe(D(2020, 2, 2));
    }

    [Fact]
    public void Last_weekday_is_strictly_before_the_reference()
    {
        DateArithmetic.Previous(D(2020, 2, 2), DayOfWeek.Sunday).ShouldBe(D(2020, 1, 26));
        DateArithmetic.Previous(D(2020, 2, 5), DayOfWeek.Sunday).ShouldBe(D(2020, 2, 2));
    }

    [Fact]
    public void A_weekday_crosses_the_year_boundary()
    {
        // 2020-01-01 is a Wednesday; the Sunday before is 2019-12-29.
        DateArithmetic.MostRecent(D(2020, 1, 1), DayOfWeek.Sunday).ShouldBe(D(2019, 12, 29));
    }

    [Fact]
    public void A_month_and_day_without_year_is_the_most_recent_one()
    {
        DateArithmetic.MostRecent(D(2020, 2, 5), 2, 2).ShouldBe(D(2020, 2, 2));
        DateArithmetic.MostRecent(D(2020, 2, 5), 2, 5).ShouldBe(D(2020, 2, 5));
        DateArithmetic.MostRecent(D(2020, 1, 3), 12, 30).ShouldBe(D(2019, 12, 30));
        DateArithmetic.MostRecent(D(2020, 2, 5), 2, 20).ShouldBe(D(2019, 2, 20));
    }

    [Fact]
    public void February_29_without_year_goes_back_to_the_last_leap_year()
    {
        DateArithmetic.MostRecent(D(2021, 3, 1), 2, 29).ShouldBe(D(2020, 2, 29));
        DateArithmetic.MostRecent(D(2020, 2, 28), 2, 29).ShouldBe(D(2016, 2, 29));
        DateArithmetic.MostRecent(D(2020, 2, 5), 2, 30).ShouldBeNull();
        DateArithmetic.MostRecent(D(2020, 2, 5), 13, 1).ShouldBeNull();
    }

    [Fact]
    public void An_exact_date_must_exist()
    {
        DateArithmetic.Exact(2019, 2, 2).ShouldBe(D(2019, 2, 2));
        DateArithmetic.Exact(2019, 2, 29).ShouldBeNull();
        DateArithmetic.Exact(2020, 2, 29).ShouldBe(D(2020, 2, 29));
    }

    [Fact]
    public void Ago_counts_back_in_days_weeks_months_years_and_decades()
    {
        DateArithmetic.Ago(D(2020, 2, 5), 1, TimeUnit.Day).ShouldBe(D(2020, 2, 4));
        DateArithmetic.Ago(D(2020, 1, 1), 1, TimeUnit.Day).ShouldBe(D(2019, 12, 31));
        DateArithmetic.Ago(D(2020, 2, 5), 1, TimeUnit.Week).ShouldBe(D(2020, 1, 29));
        DateArithmetic.Ago(D(2020, 3, 31), 1, TimeUnit.Month).ShouldBe(D(2020, 2, 29));
        DateArithmetic.Ago(D(2020, 1, 15), 1, TimeUnit.Month).ShouldBe(D(2019, 12, 15));
        DateArithmetic.Ago(D(2020, 2, 29), 1, TimeUnit.Year).ShouldBe(D(2019, 2, 28));
        DateArithmetic.Ago(D(2020, 2, 5), 3, TimeUnit.Year).ShouldBe(D(2017, 2, 5));
        DateArithmetic.Ago(D(2020, 2, 5), 2, TimeUnit.Decade).ShouldBe(D(2000, 2, 5));
        DateArithmetic.Ago(D(20, 2, 5), 3000, TimeUnit.Year).ShouldBe(DateOnly.MinValue);
    }

    [Fact]
    public void Earlier_this_week_is_the_day_before_but_stays_in_the_week()
    {
        DateArithmetic.EarlierThis(D(2020, 2, 5), TimeUnit.Week).ShouldBe(D(2020, 2, 4));
        // 2020-02-03 is a Monday: nothing of the week lies before it.
        DateArithmetic.EarlierThis(D(2020, 2, 3), TimeUnit.Week).ShouldBe(D(2020, 2, 3));
        DateArithmetic.EarlierThis(D(2020, 2, 1), TimeUnit.Month).ShouldBe(D(2020, 2, 1));
        DateArithmetic.EarlierThis(D(2020, 1, 1), TimeUnit.Year).ShouldBe(D(2020, 1, 1));
    }

    [Fact]
    public void The_weekend_is_its_saturday()
    {
        DateArithmetic.Weekend(D(2020, 2, 5), last: false).ShouldBe(D(2020, 2, 1));
        DateArithmetic.Weekend(D(2020, 2, 2), last: false).ShouldBe(D(2020, 2, 1));
        DateArithmetic.Weekend(D(2020, 2, 2), last: true).ShouldBe(D(2020, 1, 25));
        DateArithmetic.Weekend(D(2020, 2, 5), last: true).ShouldBe(D(2020, 2, 1));
    }

    private static readonly Gen<TimeExpression> Expressions = Gen.OneOf(
        Gen.Select(Gen.Int[0, 400], Gen.Enum<TimeUnit>()).Select((n, u) => new TimeExpression(0, 1, TimeExpressionKind.Offset) { Count = n, Unit = u }),
        Gen.Select(Gen.Enum<DayOfWeek>(), Gen.Bool).Select((d, s) => new TimeExpression(0, 1, TimeExpressionKind.Weekday) { Day = d, Strict = s }),
        Gen.Select(Gen.Int[0, 2100], Gen.Int[0, 13], Gen.Int[0, 32]).Select((y, m, d) => new TimeExpression(0, 1, TimeExpressionKind.CalendarDate) { Year = y, Month = m, DayOfMonth = d }),
        Gen.Enum<TimeUnit>().Select(u => new TimeExpression(0, 1, TimeExpressionKind.EarlierThis) { Unit = u }),
        Gen.Bool.Select(s => new TimeExpression(0, 1, TimeExpressionKind.Weekend) { Strict = s }),
        Gen.Const(new TimeExpression(0, 1, TimeExpressionKind.Future)));

    [Fact]
    public void No_expression_ever_dates_an_event_after_its_reference()
    {
        Gen.Select(Gen.Date[new DateTime(1900, 1, 1), new DateTime(2099, 12, 31)], Expressions, Gen.Bool).Sample((day, expression, future) =>
        {
            var reference = DateOnly.FromDateTime(day);
            var date = expression.Resolve(reference, future);
            return date == null || date <= reference;
        }, iter: 5000);
    }
}
