using Dyad.Knowledge.Learning;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Knowledge.Tests;

public class LearnedActorTests(ShippedResolver shipped) : IClassFixture<ShippedResolver>
{
    private static readonly DateOnly Day = new(2020, 2, 3);
    private ActorResolver Resolver => shipped.Resolver;

    /// <summary>A hand-parsed sentence as "word/HEAD/relation[/demonym]" items (HEAD 1-based) and its entities.</summary>
    private sealed record Hand(EntitySpan[] Entities, string[] Items);

    private static Hand S(EntitySpan[] entities, params string[] items) => new(entities, items);
    private static EntitySpan Per(int start, int end) => new(start, end, "PER");

    /// <summary>A document whose text is the sentences' words joined by spaces, so sentence offsets point into it.</summary>
    private static AnnotatedDocument Doc(string id, DateOnly date, params Hand[] hands)
    {
        var text = new System.Text.StringBuilder();
        var sentences = new List<Sentence>();
        foreach (var hand in hands)
        {
            if (text.Length > 0) text.Append(' ');
            int start = text.Length;
            var tokens = new Token[hand.Items.Length];
            var heads = new int[hand.Items.Length];
            var relations = new string[hand.Items.Length];
            var demonyms = new string?[hand.Items.Length];
            for (int i = 0; i < hand.Items.Length; i++)
            {
                var f = hand.Items[i].Split('/');
                if (i > 0) text.Append(' ');
                tokens[i] = new Token(text.Length, text.Length + f[0].Length, f[0]);
                text.Append(f[0]);
                heads[i] = int.Parse(f[1]);
                relations[i] = f[2];
                demonyms[i] = f.Length > 3 ? f[3] : null;
            }
            sentences.Add(new Sentence(start, text.Length, tokens)
            { Heads = heads, Relations = relations, Demonyms = demonyms, Entities = hand.Entities });
        }
        return new AnnotatedDocument(new Document(id, date, text.ToString()), sentences);
    }

    // "Kazakh Foreign Minister Mukhtar Tleuberdi said ."
    private static Hand TitlePhrase() => S([Per(3, 5)],
        "Kazakh/5/amod/KAZ", "Foreign/3/amod", "Minister/5/compound", "Mukhtar/5/flat", "Tleuberdi/6/nsubj", "said/0/root", "./6/punct");

    // "Mukhtar Tleuberdi , Kazakhstan 's foreign minister , arrived ."
    private static Hand Apposition() => S([Per(0, 2)],
        "Mukhtar/9/nsubj", "Tleuberdi/1/flat", ",/7/punct", "Kazakhstan/7/nmod:poss", "'s/4/case", "foreign/7/amod",
        "minister/1/appos", ",/7/punct", "arrived/0/root", "./9/punct");

    // "Tleuberdi met John Smith ."
    private static Hand SurnameAndStranger() => S([Per(0, 1), Per(2, 4)],
        "Tleuberdi/2/nsubj", "met/0/root", "John/4/flat", "Smith/2/obj", "./2/punct");

    [Fact]
    public void ATitlePhraseTeachesThePersonsCountryAndSector()
    {
        var doc = Doc("doc-1", Day, TitlePhrase());
        var learned = RoleLearner.Learn(doc, Resolver);
        var a = learned.ShouldHaveSingleItem();
        a.Name.ShouldBe("Mukhtar Tleuberdi");
        a.Code.ShouldBe("KAZGOV");
        a.Title.ShouldBe("Kazakh Foreign Minister");
        a.TitleHead.ShouldBe("Minister");
        a.Rule.ShouldBe(ActorResolution.AgentCountryRule);
        (a.FirstSeen, a.LastSeen).ShouldBe((Day, Day));
        var e = a.Evidence.ShouldHaveSingleItem();
        (e.DocumentId, e.SentenceIndex).ShouldBe(("doc-1", 0));
        e.Text.ShouldBe("Kazakh Foreign Minister Mukhtar Tleuberdi said .");
    }

    [Fact]
    public void AnAppositionTeachesTheRoleAndRepeatsAddEvidence()
    {
        var doc = Doc("doc-2", Day, SurnameAndStranger(), Apposition(), Apposition());
        var a = RoleLearner.Learn(doc, Resolver).ShouldHaveSingleItem();
        a.Name.ShouldBe("Mukhtar Tleuberdi");
        a.Code.ShouldBe("KAZGOV");
        a.Rule.ShouldBe(ActorResolution.AppositionRule + ":" + ActorResolution.AgentCountryRule);
        a.Title.ShouldBe("Kazakhstan foreign minister");
        a.TitleHead.ShouldBe("minister");
        a.Evidence.Select(x => x.SentenceIndex).ShouldBe([1, 2]);
    }

    [Fact]
    public void ACountryBeforeAnOfTitleGivesThatGovernment()
    {
        // "United States Secretary of State Qwxzzy Blorf said"
        var doc = Doc("doc-3", Day, S([Per(5, 7)], "United/2/compound", "States/3/compound", "Secretary/7/compound", "of/5/case",
            "State/3/nmod", "Qwxzzy/7/flat", "Blorf/8/nsubj", "said/0/root"));
        var a = RoleLearner.Learn(doc, Resolver).ShouldHaveSingleItem();
        (a.Name, a.Code, a.TitleHead).ShouldBe(("Qwxzzy Blorf", "USAGOV", "Secretary"));
    }

    [Fact]
    public void TitleWordsInsideThePersonSpanAreNotPartOfTheName()
    {
        // The recognizer tagged "Foreign Minister Mukhtar Tleuberdi" as one PER.
        var doc = Doc("doc-9", Day, S([Per(1, 5)],
            "Kazakh/5/amod/KAZ", "Foreign/3/amod", "Minister/5/compound", "Mukhtar/5/flat", "Tleuberdi/6/nsubj", "said/0/root"));
        var a = RoleLearner.Learn(doc, Resolver).ShouldHaveSingleItem();
        (a.Name, a.Code, a.Title, a.TitleHead).ShouldBe(("Mukhtar Tleuberdi", "KAZGOV", "Kazakh Foreign Minister", "Minister"));
    }

    [Fact]
    public void ATitleWithoutACountryOrAPlainNameTeachesNothing()
    {
        // "Secretary of State Qwxzzy Blorf said" and "John Smith arrived"
        var doc = Doc("doc-4", Day,
            S([Per(3, 5)], "Secretary/5/compound", "of/3/case", "State/1/nmod", "Qwxzzy/5/flat", "Blorf/6/nsubj", "said/0/root"),
            S([Per(0, 2)], "John/3/nsubj", "Smith/1/flat", "arrived/0/root"));
        RoleLearner.Learn(doc, Resolver).ShouldBeEmpty();
    }

    [Fact]
    public void ALaterSurnameResolvesToTheLearnedPersonAndAStrangerDoesNot()
    {
        var doc = Doc("doc-5", Day, TitlePhrase(), SurnameAndStranger());
        var memory = DocumentActorMemory.Learn(doc, Resolver);
        var later = doc.Sentences[1];
        var r = memory.Resolve(later, 0).ShouldNotBeNull();
        r.Code.ShouldBe("KAZGOV");
        r.Rule.ShouldBe(DocumentActorMemory.SurnameRule);
        r.Explanation.ShouldContain("Mukhtar Tleuberdi");
        r.Explanation.ShouldContain("doc-5 sentence 0");
        r.Explanation.ShouldContain("Kazakh Foreign Minister Mukhtar Tleuberdi said");
        memory.Resolve(later, 3).ShouldBeNull();
        memory.Resolve(later, 1).ShouldBeNull();
    }

    [Fact]
    public void ASurnameAfterATitleWordResolvesButAnotherFirstNameDoesNot()
    {
        // "Minister Tleuberdi said ." (PER is the surname only) and "Aigul Tleuberdi said ." (another person)
        var doc = Doc("doc-8", Day, TitlePhrase(),
            S([Per(1, 2)], "Minister/2/compound", "Tleuberdi/3/nsubj", "said/0/root", "./3/punct"),
            S([Per(0, 2)], "Aigul/2/flat", "Tleuberdi/3/nsubj", "said/0/root", "./3/punct"));
        var memory = DocumentActorMemory.Learn(doc, Resolver);
        var r = memory.Resolve(doc.Sentences[1], 1).ShouldNotBeNull();
        (r.Code, r.Rule, r.Start, r.End).ShouldBe(("KAZGOV", DocumentActorMemory.SurnameRule, 1, 2));
        memory.Resolve(doc.Sentences[2], 1).ShouldBeNull();
    }

    [Fact]
    public void TheFullNameAndABareTitleResolveWhenOnePersonFits()
    {
        // "Mukhtar Tleuberdi arrived ." / "The minister said ." / "The Russian minister said ."
        var doc = Doc("doc-6", Day, TitlePhrase(),
            S([Per(0, 2)], "Mukhtar/3/nsubj", "Tleuberdi/1/flat", "arrived/0/root", "./3/punct"),
            S([], "The/2/det", "minister/3/nsubj", "said/0/root", "./3/punct"),
            S([], "The/3/det", "Russian/3/amod/RUS", "minister/4/nsubj", "said/0/root", "./4/punct"));
        var memory = DocumentActorMemory.Learn(doc, Resolver);
        var full = memory.Resolve(doc.Sentences[1], 0).ShouldNotBeNull();
        (full.Code, full.Rule, full.Start, full.End).ShouldBe(("KAZGOV", DocumentActorMemory.NameRule, 0, 2));
        var title = memory.Resolve(doc.Sentences[2], 1).ShouldNotBeNull();
        (title.Code, title.Rule).ShouldBe(("KAZGOV", DocumentActorMemory.TitleRule));
        memory.Resolve(doc.Sentences[3], 2).ShouldBeNull();
    }

    [Fact]
    public void ABareTitleFittingTwoLearnedPeopleResolvesToNothing()
    {
        // A second minister: "Chinese Foreign Minister Qwxzzy Wang said ."
        var doc = Doc("doc-7", Day, TitlePhrase(),
            S([Per(3, 5)], "Chinese/3/amod/CHN", "Foreign/3/amod", "Minister/5/compound", "Qwxzzy/5/flat", "Wang/6/nsubj", "said/0/root", "./6/punct"),
            S([], "The/2/det", "minister/3/nsubj", "said/0/root", "./3/punct"));
        var memory = DocumentActorMemory.Learn(doc, Resolver);
        memory.People.Select(p => p.Code).ShouldBe(["KAZGOV", "CHNGOV"]);
        memory.Resolve(doc.Sentences[2], 1).ShouldBeNull();
    }

    private LearnedActorStore StoreSeenOn(DateOnly first, DateOnly last)
    {
        var store = new LearnedActorStore();
        store.Add(RoleLearner.Learn(Doc("early", first, TitlePhrase()), Resolver));
        store.Add(RoleLearner.Learn(Doc("late", last, Apposition()), Resolver));
        return store;
    }

    [Fact]
    public void TheStoreAppliesARoleWithinTheToleranceAtBothEnds()
    {
        var first = new DateOnly(2020, 2, 3);
        var last = new DateOnly(2021, 6, 1);
        var store = StoreSeenOn(first, last);
        var a = store.Actors.ShouldHaveSingleItem();
        (a.FirstSeen, a.LastSeen).ShouldBe((first, last));
        a.Evidence.Select(e => e.DocumentId).ShouldBe(["early", "late"]);
        int t = LearnedActorStore.ToleranceDays;
        store.Lookup("mukhtar tleuberdi", first.AddDays(-t)).ShouldHaveSingleItem().Code.ShouldBe("KAZGOV");
        store.Lookup("Mukhtar Tleuberdi", first.AddDays(-t - 1)).ShouldBeEmpty();
        store.Lookup("Mukhtar Tleuberdi", last.AddDays(t)).ShouldHaveSingleItem();
        store.Lookup("Mukhtar Tleuberdi", last.AddDays(t + 1)).ShouldBeEmpty();
        store.MemoryFor(last.AddDays(t + 1)).People.ShouldBeEmpty();

        // A later document that only says "Tleuberdi" resolves through the store's memory for its date.
        var later = Doc("later", last.AddDays(30), SurnameAndStranger());
        store.MemoryFor(later.Document.Date).Resolve(later.Sentences[0], 0).ShouldNotBeNull().Code.ShouldBe("KAZGOV");
    }

    [Fact]
    public void TheStoreRoundTripsThroughJsonLinesAndNamesABadLine()
    {
        var store = StoreSeenOn(new DateOnly(2020, 2, 3), new DateOnly(2020, 5, 1));
        var written = new StringWriter();
        store.Save(written);
        var back = LearnedActorStore.Load(new StringReader(written.ToString()), "learned.jsonl");
        back.Actors.ShouldHaveSingleItem().ShouldBeEquivalentTo(store.Actors[0]);

        var bad = written.ToString() + "{\"name\": \"X\"}\n";
        Should.Throw<FormatException>(() => LearnedActorStore.Load(new StringReader(bad), "learned.jsonl")).Message.ShouldStartWith("learned.jsonl:2:");
        Should.Throw<FormatException>(() => LearnedActorStore.Load(new StringReader("not json\n"), "x.jsonl")).Message.ShouldStartWith("x.jsonl:1:");
    }

    [Fact]
    public void TheExportedUserDictionaryLoadsBackAndGivesTheSameCode()
    {
        var first = new DateOnly(2020, 2, 3);
        var last = new DateOnly(2020, 9, 1);
        var store = StoreSeenOn(first, last);
        Resolver.ResolveText("Mukhtar Tleuberdi", first).ShouldBeNull();
        var dir = Directory.CreateTempSubdirectory("dyad-learned");
        try
        {
            var path = Path.Combine(dir.FullName, "learned.tsv");
            using (var w = new StreamWriter(path)) store.ExportUserDictionary(w);
            var tsv = File.ReadAllText(path);
            tsv.ShouldContain("# Mukhtar Tleuberdi = Kazakh Foreign Minister (KAZGOV)");
            tsv.ShouldContain("early sentence 0: Kazakh Foreign Minister Mukhtar Tleuberdi said .");
            tsv.ShouldContain("Mukhtar Tleuberdi\tKAZGOV\t2019-02-03\t2021-09-01");

            var withLearned = ActorResolver.Load(path);
            withLearned.Dictionary.Problems.ShouldBeEmpty();
            var r = withLearned.ResolveText("Mukhtar Tleuberdi", last).ShouldNotBeNull();
            (r.Code, r.Rule).ShouldBe(("KAZGOV", ActorResolution.DictionaryRule));
            r.Explanation.ShouldContain("learned.tsv");
            withLearned.ResolveText("Mukhtar Tleuberdi", last.AddDays(LearnedActorStore.ToleranceDays + 1)).ShouldBeNull();
        }
        finally { dir.Delete(recursive: true); }
    }
}
