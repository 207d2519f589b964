using Dyad.Coding.Evaluation;
using Dyad.Text.Evaluation;

namespace Dyad.Coding.Tests;

public class EventScoringTests
{
    private static EventTriple T(string source, string target, string code) => new(source, target, code);

    private static CodedEvent E(string source, string target, string code) => new() { Source = source, Target = target, Code = code };

    [Fact]
    public void An_exact_match_scores_one()
    {
        var m = MultisetMatch<EventTriple>.Of([T("USA", "CHN", "111"), T("CHN", "USA", "112")], [T("CHN", "USA", "112"), T("USA", "CHN", "111")]);
        m.Exact.ShouldBeTrue();
        m.Counts.ShouldBe(new SpanScore(2, 2, 2));
        (m.Counts.Precision, m.Counts.Recall, m.Counts.F1).ShouldBe((1.0, 1.0, 1.0));
    }

    [Fact]
    public void A_partial_match_lists_what_is_missing_and_what_is_extra()
    {
        var m = MultisetMatch<EventTriple>.Of([T("USA", "CHN", "111"), T("USA", "KAZ", "051")], [T("USA", "KAZ", "051"), T("RUS", "UKR", "190")]);
        m.Exact.ShouldBeFalse();
        m.Counts.ShouldBe(new SpanScore(2, 2, 1));
        m.Missing.ShouldBe([T("USA", "CHN", "111")]);
        m.Extra.ShouldBe([T("RUS", "UKR", "190")]);
        m.Counts.F1.ShouldBe(0.5);
    }

    [Fact]
    public void Nothing_coded_has_zero_precision_and_recall_without_dividing_by_zero()
    {
        var missing = MultisetMatch<EventTriple>.Of([T("USA", "CHN", "111")], []);
        missing.Counts.ShouldBe(new SpanScore(1, 0, 0));
        (missing.Counts.Precision, missing.Counts.Recall, missing.Counts.F1).ShouldBe((0.0, 0.0, 0.0));
        var extra = MultisetMatch<EventTriple>.Of([], [T("USA", "CHN", "111")]);
        extra.Counts.ShouldBe(new SpanScore(0, 1, 0));
        extra.Extra.Count.ShouldBe(1);
        var none = MultisetMatch<EventTriple>.Of([], []);
        none.Exact.ShouldBeTrue();
        none.Counts.F1.ShouldBe(0.0);
    }

    [Fact]
    public void Duplicates_count_only_as_often_as_the_gold_lists_them()
    {
        var once = MultisetMatch<EventTriple>.Of([T("USA", "CHN", "111")], [T("USA", "CHN", "111"), T("USA", "CHN", "111")]);
        once.Counts.ShouldBe(new SpanScore(1, 2, 1));
        once.Extra.ShouldBe([T("USA", "CHN", "111")]);
        var twice = MultisetMatch<EventTriple>.Of([T("USA", "CHN", "111"), T("USA", "CHN", "111")], [T("USA", "CHN", "111")]);
        twice.Counts.ShouldBe(new SpanScore(2, 1, 1));
        twice.Missing.ShouldBe([T("USA", "CHN", "111")]);
    }

    [Fact]
    public void Counts_add_up_before_dividing()
    {
        var total = new SpanScore(1, 3, 1) + new SpanScore(3, 1, 1);
        total.ShouldBe(new SpanScore(4, 4, 2));
        total.F1.ShouldBe(0.5);
    }

    [Fact]
    public void The_coarse_level_keeps_the_root_code_and_the_actor_countries()
    {
        T("USAGOV", "CHNMIL", "1123").RootAndCountries().ShouldBe(T("USA", "CHN", "11"));
        T("EU", "UN", "0").RootAndCountries().ShouldBe(T("EU", "UN", "0"));
    }

    [Fact]
    public void A_comparison_scores_the_three_levels()
    {
        // Gold: the US government criticizes China's government (112) and meets Kazakhstan (036).
        // Coded: the US (no agent) criticizes China with 111, and a spurious Kazakh event.
        var c = new EventComparison("s1", "text",
            [T("USAGOV", "CHNGOV", "112"), T("USAGOV", "KAZ", "036")],
            [E("USA", "CHNGOV", "111"), E("KAZ", "RUS", "042")]);
        c.Full.Counts.ShouldBe(new SpanScore(2, 2, 0));
        c.Coarse.Counts.ShouldBe(new SpanScore(2, 2, 1));
        c.HasEvent.ShouldBe(new SpanScore(1, 1, 1));
        var quiet = new EventComparison("s2", "text", [], []);
        quiet.HasEvent.ShouldBe(new SpanScore(0, 0, 0));
        quiet.Full.Exact.ShouldBeTrue();
        var overeager = new EventComparison("s3", "text", [], [E("USA", "CHN", "010")]);
        overeager.HasEvent.ShouldBe(new SpanScore(0, 1, 0));
    }

    [Fact]
    public void The_scoreboard_micro_averages_and_counts_exact_texts_and_categories()
    {
        var board = new EventScoreboard();
        board.Add(new EventComparison("a", "x", [T("USA", "CHN", "111")], [E("USA", "CHN", "111")], "DEMO"));
        board.Add(new EventComparison("b", "x", [T("USA", "CHN", "111"), T("USA", "RUS", "111"), T("USA", "IRN", "111")], [E("USA", "CHN", "111")], "DEMO"));
        board.Add(new EventComparison("c", "x", [], [], "ERROR"));
        board.Texts.ShouldBe(3);
        board.Exact.ShouldBe(2);
        // Micro: 2 correct of 2 predicted and of 4 gold; a macro average over texts would give recall (1 + 1/3) / 2.
        board.Full.ShouldBe(new SpanScore(4, 2, 2));
        board.HasEvent.ShouldBe(new SpanScore(2, 2, 2));
        board.Categories["DEMO"].ShouldBe((1, 2));
        board.Categories["ERROR"].ShouldBe((1, 1));
        board.Mismatches[MismatchKind.NotCoded].ShouldBe(2);
    }

    [Fact]
    public void The_scoreboard_counts_each_texts_first_cause_and_all_its_causes()
    {
        var board = new EventScoreboard();
        var a = new EventComparison("a", "x", [T("USA", "CHN", "111")], []) { Causes = [FailureCause.Modal, FailureCause.Passive] };
        var b = new EventComparison("b", "x", [T("USA", "CHN", "111")], []) { Causes = [FailureCause.Passive] };
        board.Add(a);
        board.Add(b);
        board.Causes[FailureCause.Modal].ShouldBe((1, 1));
        board.Causes[FailureCause.Passive].ShouldBe((1, 2));
        board.Causes.ContainsKey(FailureCause.Other).ShouldBeFalse();
        FailureCauses.Name(FailureCause.TargetInModifier).ShouldBe("target_in_modifier");
    }

    [Fact]
    public void Near_misses_are_classified_before_what_is_left_over()
    {
        var mismatches = Mismatch.Classify(
            [T("USA", "CHN", "111"), T("GON", "ARN", "064"), T("MOR", "GON", "190"), T("ELF", "DAG", "042"), T("ARN", "BRE", "051")],
            [T("USA", "CHN", "112"), T("ARN", "GON", "064"), T("MORMIL", "GON", "190"), T("ELF", "ORC", "042"), T("XXX", "YYY", "010")]);
        mismatches.Select(m => m.Kind).ShouldBe([MismatchKind.WrongCode, MismatchKind.SwappedRoles, MismatchKind.WrongSource,
            MismatchKind.WrongTarget, MismatchKind.NotCoded, MismatchKind.Spurious]);
        mismatches[0].Gold.ShouldBe(T("USA", "CHN", "111"));
        mismatches[0].Got.ShouldBe(T("USA", "CHN", "112"));
        mismatches[4].Got.ShouldBeNull();
        mismatches[5].Gold.ShouldBeNull();
    }
}
