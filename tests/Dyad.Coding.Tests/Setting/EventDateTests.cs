using CsCheck;
using Dyad.Coding.Dates;
using Dyad.Coding.Setting;

namespace Dyad.Coding.Tests.Setting;

/// <summary>Event dates of short sentences run through the shipped tokenizer, tagger, parser and NER.</summary>
[Collection(SettingCollection.Name)]
public sealed class EventDateTests(SettingPipeline models)
{
    // A Wednesday; 2020-02-02 was the Sunday before.
    private static readonly DateOnly Wednesday = new(2020, 2, 5);
    private static readonly DateOnly Sunday = new(2020, 2, 2);

    private string DateOf(string text, string predicate, DateOnly? published = null)
    {
        var doc = models.Parse(text, published ?? Wednesday);
        var sentence = doc.Sentences[^1];
        int verb = SettingPipeline.TokenIndex(sentence, predicate);
        return EventSetting.Date(doc.Document.Date, Dateline.Find(doc), sentence, verb)!.Value.ToString("yyyy-MM-dd");
    }

    [Theory]
    [InlineData("China criticized the United States on Sunday.", "2020-02-02")]
    [InlineData("China criticized the United States last Sunday.", "2020-02-02")]
    [InlineData("On Monday night, police arrested protesters in Almaty.", "2020-02-03")]
    [InlineData("China criticized the United States yesterday.", "2020-02-04")]
    [InlineData("China criticized the United States today.", "2020-02-05")]
    [InlineData("China criticized the United States last week.", "2020-01-29")]
    [InlineData("China criticized the United States last month.", "2020-01-05")]
    [InlineData("China criticized the United States last year.", "2019-02-05")]
    [InlineData("China criticized the United States earlier this week.", "2020-02-04")]
    [InlineData("China criticized the United States on February 2.", "2020-02-02")]
    [InlineData("China criticized the United States on Feb. 2.", "2020-02-02")]
    [InlineData("China criticized the United States on 2 February.", "2020-02-02")]
    [InlineData("China criticized the United States on February 2, 2019.", "2019-02-02")]
    [InlineData("China criticized the United States three years ago.", "2017-02-05")]
    [InlineData("China criticized the United States two weeks ago.", "2020-01-22")]
    [InlineData("China criticized the United States over the weekend.", "2020-02-01")]
    [InlineData("China criticized the United States last weekend.", "2020-02-01")]
    [InlineData("China criticized the United States last night.", "2020-02-04")]
    [InlineData("China criticized the United States the day before yesterday.", "2020-02-03")]
    [InlineData("China criticized the United States on 2020-01-30.", "2020-01-30")]
    [InlineData("On Sunday, China criticized the United States.", "2020-02-02")]
    [InlineData("China criticized the United States in January.", "2020-01-05")]
    [InlineData("China criticized the United States in December.", "2019-12-05")]
    [InlineData("China criticized the United States last March.", "2019-03-05")]
    [InlineData("China criticized the United States in January 2019.", "2019-01-05")]
    [InlineData("China criticized the United States in 2018.", "2018-02-05")]
    public void A_time_expression_on_the_verb_moves_the_date(string text, string expected)
    {
        var verb = text.Contains("arrested") ? "arrested" : "criticized";
        DateOf(text, verb).ShouldBe(expected);
    }

    [Fact]
    public void On_the_weekday_of_publication_is_the_publication_day_unless_last()
    {
        DateOf("China criticized the United States on Sunday.", "criticized", Sunday).ShouldBe("2020-02-02");
        DateOf("China criticized the United States last Sunday.", "criticized", Sunday).ShouldBe("2020-01-26");
    }

    [Fact]
    public void A_month_or_year_needs_a_preposition_and_never_lies_after_publication()
    {
        // "May" starting a sentence is no month; the current month and year are the publication date itself.
        DateOf("China criticized the United States in February.", "criticized").ShouldBe("2020-02-05");
        DateOf("China criticized the United States last February.", "criticized").ShouldBe("2019-02-05");
        DateOf("China criticized the United States in 2020.", "criticized").ShouldBe("2020-02-05");
        DateOf("China criticized the United States in March 2020.", "criticized").ShouldBe("2020-02-05");
        DateOf("China criticized the 2018 budget of the United States.", "criticized").ShouldBe("2020-02-05");
    }

    [Fact]
    public void A_calendar_date_later_in_the_year_is_last_years()
    {
        DateOf("China criticized the United States on February 20.", "criticized").ShouldBe("2019-02-20");
    }

    [Theory]
    [InlineData("Kazakhstan will visit China on Friday.", "visit")]
    [InlineData("Kazakhstan will visit China next week.", "visit")]
    [InlineData("Kazakhstan plans to visit China on Friday.", "visit")]
    [InlineData("Kazakhstan visits China tomorrow.", "visits")]
    [InlineData("China criticized the United States without a sentence about time.", "criticized")]
    [InlineData("China criticized the United States on February 8, 2020.", "criticized")]
    public void The_future_and_no_expression_keep_the_publication_date(string text, string verb)
    {
        DateOf(text, verb).ShouldBe("2020-02-05");
    }

    [Fact]
    public void The_expression_on_the_events_own_verb_wins_over_another_in_the_sentence()
    {
        const string text = "China criticized Japan yesterday over Monday's attack.";
        DateOf(text, "criticized").ShouldBe("2020-02-04");
    }

    [Fact]
    public void A_reported_event_takes_the_date_of_its_report_when_it_has_none_of_its_own()
    {
        const string text = "The minister said last week that Russia had attacked Ukraine.";
        DateOf(text, "attacked").ShouldBe("2020-01-29");
        DateOf("The minister said last week that Russia had attacked Ukraine on Sunday.", "attacked").ShouldBe("2020-02-02");
    }

    [Fact]
    public void An_expression_elsewhere_counts_only_when_the_sentence_has_one_date()
    {
        // "a Monday's attack" dates the attack, not the criticism; alone in the sentence, it is still not used.
        DateOf("China criticized Japan over Monday's attack.", "criticized").ShouldBe("2020-02-05");
    }

    [Fact]
    public void An_expression_elsewhere_is_used_when_it_is_the_only_date_and_ignored_when_dates_disagree()
    {
        DateOf("China condemned the deadly attack of Monday.", "condemned").ShouldBe("2020-02-03");
        DateOf("China condemned the attack of Monday and the raid of Tuesday.", "condemned").ShouldBe("2020-02-05");
    }

    [Fact]
    public void Relative_dates_count_from_the_datelines_date()
    {
        var text = "WASHINGTON, Feb 3 (Reuters) - China criticized the United States yesterday.";
        DateOf(text, "criticized", new DateOnly(2020, 2, 4)).ShouldBe("2020-02-02");
        // A dateline a day after publication (another time zone) is not read as last year's.
        DateOf(text, "criticized", new DateOnly(2020, 2, 2)).ShouldBe("2020-02-01");
    }

    [Fact]
    public void Coded_events_carry_the_moved_date()
    {
        var e = models.Code("China criticized the United States on Sunday.", Wednesday).ShouldHaveSingleItem();
        e.Date.ShouldBe("2020-02-02");
        models.Code("China will criticize the United States on Sunday.", Wednesday).ShouldAllBe(x => x.Date == "2020-02-05");
    }

    [Fact]
    public void An_unknown_publication_date_leaves_the_event_undated()
    {
        var doc = models.Parse("China criticized the United States yesterday.", DateOnly.MinValue);
        EventSetting.Date(DateOnly.MinValue, null, doc.Sentences[0], 1).ShouldBeNull();
    }

    private static readonly string[] Sentences =
    [
        "China criticized the United States on Sunday.", "China criticized the United States last Saturday.",
        "China criticized the United States on February 29.", "China criticized the United States on December 31, 2031.",
        "China criticized the United States yesterday.", "China criticized the United States three years ago.",
        "China criticized the United States earlier this month.", "Kazakhstan will visit China on Friday.",
        "China criticized the United States on 1 January.", "China criticized the United States last weekend.",
    ];

    [Fact]
    public void The_event_date_is_never_after_the_publication_date()
    {
        var parsed = Sentences.Select(s => models.Parse(s, Wednesday).Sentences[0]).ToArray();
        Gen.Select(Gen.Date[new DateTime(1990, 1, 1), new DateTime(2040, 12, 31)], Gen.Int[0, parsed.Length - 1]).Sample((day, k) =>
        {
            var published = DateOnly.FromDateTime(day);
            var sentence = parsed[k];
            for (int verb = 0; verb < sentence.Count; verb++)
                if (EventDater.Date(sentence, verb, published, out _) > published) return false;
            return true;
        }, iter: 2000);
    }
}
