using Dyad.Nlp.Parsing;
using Dyad.Text;

namespace Dyad.Nlp.Tests.Parsing;

public class TimeAttachmentTests
{
    /// <summary>A sentence with a hand-made parse: each row is word, UPOS, 1-based head, relation.</summary>
    private static Sentence Parsed(params (string Word, string Upos, int Head, string Relation)[] rows)
    {
        var tokens = new Token[rows.Length];
        int at = 0;
        for (int i = 0; i < rows.Length; i++) { tokens[i] = new Token(at, at + rows[i].Word.Length, rows[i].Word); at += rows[i].Word.Length + 1; }
        return new Sentence(0, at, tokens)
        {
            Upos = rows.Select(r => r.Upos).ToArray(),
            Heads = rows.Select(r => r.Head).ToArray(),
            Relations = rows.Select(r => r.Relation).ToArray(),
        };
    }

    [Fact]
    public void A_name_made_a_compound_of_a_following_weekday_becomes_the_verbs_object()
    {
        // "China criticized the United States Sunday." as the parser reads it: "States" under "Sunday".
        var s = Parsed(("China", "PROPN", 2, "nsubj"), ("criticized", "VERB", 0, "root"), ("the", "DET", 6, "det"),
            ("United", "ADJ", 5, "amod"), ("States", "PROPN", 6, "compound"), ("Sunday", "PROPN", 2, "obl:unmarked"), (".", "PUNCT", 2, "punct"));
        TimeAttachment.Repair(s);
        s.Heads.ShouldBe([2, 0, 5, 5, 2, 2, 2]);
        s.Relations![4].ShouldBe("obj");
        s.Relations[5].ShouldBe("obl:unmarked");
    }

    [Fact]
    public void A_next_period_after_the_object_goes_to_the_verb_before_the_name()
    {
        // "Erdogan will visit Pakistan next month, his office said." with "month" under "said".
        var s = Parsed(("Erdogan", "PROPN", 3, "nsubj"), ("will", "AUX", 3, "aux"), ("visit", "VERB", 0, "root"),
            ("Pakistan", "PROPN", 6, "compound"), ("next", "ADJ", 6, "amod"), ("month", "NOUN", 10, "obl:unmarked"),
            (",", "PUNCT", 6, "punct"), ("his", "PRON", 9, "nmod:poss"), ("office", "NOUN", 10, "nsubj"), ("said", "VERB", 3, "advcl"));
        TimeAttachment.Repair(s);
        (s.Heads![3], s.Relations![3]).ShouldBe((3, "obj"));
        (s.Heads[5], s.Relations[5]).ShouldBe((3, "obl:unmarked"));
        s.Heads[4].ShouldBe(6);
    }

    [Fact]
    public void A_weekday_hung_on_the_object_moves_to_the_verb_and_a_marked_one_stays()
    {
        var bare = Parsed(("Iran", "PROPN", 2, "nsubj"), ("attacked", "VERB", 0, "root"), ("Israel", "PROPN", 2, "obj"), ("Monday", "PROPN", 3, "flat"));
        TimeAttachment.Repair(bare);
        (bare.Heads![3], bare.Relations![3]).ShouldBe((2, "obl:unmarked"));

        var marked = Parsed(("Iran", "PROPN", 2, "nsubj"), ("attacked", "VERB", 0, "root"), ("Israel", "PROPN", 2, "obj"),
            ("on", "ADP", 5, "case"), ("Monday", "PROPN", 3, "nmod"));
        TimeAttachment.Repair(marked);
        (marked.Heads![4], marked.Relations![4]).ShouldBe((3, "nmod"));
    }
}
