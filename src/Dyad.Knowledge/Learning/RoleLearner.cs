using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Knowledge.Learning;

using Found = (string Name, string Code, string Title, string TitleHead, string Rule, string Explanation);

/// <summary>
/// Finds people whose role the text states: a PER entity next to a title naming an agent and a country, read from
/// the words ("United States Secretary of State Mike Pompeo", "Tleuberdi, Kazakhstan's foreign minister", see
/// <see cref="StatedTitle"/>) or, failing that, from the parse (the name's phrase or apposition resolves as
/// <c>agent+country</c>). A title with no country ("Secretary of State Pompeo") teaches nothing. A stated role is
/// learned whatever the dictionaries say: one they already give confirms them with dated evidence, one they lack or
/// give otherwise corrects them (<see cref="DictionaryAgreement"/> tells which).
/// </summary>
public static class RoleLearner
{
    public const string PersonType = "PER";

    /// <summary>The people learned from a parsed document with entities, one record per name and code, evidence in text order.</summary>
    public static IReadOnlyList<LearnedActor> Learn(AnnotatedDocument doc, ActorResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(resolver);
        var learned = new List<LearnedActor>();
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var s = doc.Sentences[si];
            if (s.Entities == null) continue;
            foreach (var entity in s.Entities)
            {
                if (entity.Type != PersonType) continue;
                var found = LearnOne(doc, si, s, entity, resolver);
                if (found == null) continue;
                int same = learned.FindIndex(l => l.SameRole(found));
                if (same >= 0) learned[same] = learned[same].Merge(found);
                else learned.Add(found);
            }
        }
        return learned;
    }

    private static LearnedActor? LearnOne(AnnotatedDocument doc, int sentenceIndex, Sentence s, EntitySpan person, ActorResolver resolver)
    {
        var date = doc.Document.Date;
        var found = FromStatedTitle(s, person, resolver, date) ?? FromParse(s, person, resolver, date);
        if (found == null) return null;
        var (name, code, title, titleHead, rule, explanation) = found.Value;
        // Kept even when the dictionary already gives this code on the date: the text's evidence and dates confirm it.
        var evidence = new LearnedEvidence(doc.Document.Id, sentenceIndex, date, SentenceText(doc, s));
        return new LearnedActor(name, code, title, titleHead, rule, explanation, date, date, [evidence]);
    }

    // The title read from the words next to the name (see StatedTitle): robust to a wrong parse of long title chains.
    private static Found? FromStatedTitle(Sentence s, EntitySpan person, ActorResolver resolver, DateOnly date)
    {
        var stated = StatedTitle.Find(s, person, resolver, date);
        if (stated == null) return null;
        return (JoinTokens(s, stated.NameStart, stated.NameEnd), stated.Actor.Code, stated.Text(s),
            s.Tokens[stated.TitleHead].Text, stated.Actor.Rule, stated.Actor.Explanation);
    }

    // The resolver on the parse: the name's phrase or its apposition resolves as an agent of a country.
    private static Found? FromParse(Sentence s, EntitySpan person, ActorResolver resolver, DateOnly date)
    {
        if (s.Heads == null || s.Relations == null) return null;
        int head = SpanHead(s, person);
        person = WithoutLeadingTitle(s, person, resolver);
        var resolution = resolver.Resolve(s, head, date);
        // Only a title that names a country teaches a role; a dictionary hit means the person is already known.
        if (resolution == null || !resolution.Rule.EndsWith(ActorResolution.AgentCountryRule, StringComparison.Ordinal)) return null;

        var inTitle = new bool[s.Count];
        bool any = false;
        for (int i = resolution.Start; i < resolution.End; i++)
            // The possessive "'s" and punctuation inside the span are not words of the title.
            if ((i < person.Start || i >= person.End) && s.Relations![i] is not ("case" or "punct" or "det")) { inTitle[i] = true; any = true; }
        if (!any) return null;
        int titleHead = -1, fallback = -1;
        var title = new List<string>();
        for (int i = 0; i < s.Count; i++)
        {
            if (!inTitle[i]) continue;
            title.Add(s.Tokens[i].Text);
            int h = s.Heads![i] - 1;
            if (h >= 0 && inTitle[h]) continue;
            // A demonym or possessor may hang off the name itself ("Kazakh ... Tleuberdi"); the title's noun is the head.
            if (s.Relations![i] is "amod" or "nmod:poss") fallback = i;
            else if (titleHead < 0) titleHead = i;
        }
        if (titleHead < 0) titleHead = fallback;
        return (JoinTokens(s, person.Start, person.End), resolution.Code, string.Join(' ', title), s.Tokens[titleHead].Text,
            resolution.Rule, resolution.Explanation);
    }

    /// <summary>
    /// The span without title words the recognizer took into the name ("Foreign Minister Mukhtar Tleuberdi" tagged PER
    /// as a whole): the longest leading run the agent dictionary knows, as long as a word of the name is left.
    /// </summary>
    internal static EntitySpan WithoutLeadingTitle(Sentence s, EntitySpan person, ActorResolver resolver)
    {
        for (int k = person.Length - 1; k >= 1; k--)
            if (resolver.Dictionary.LookupAgent(JoinTokens(s, person.Start, person.Start + k)).Count > 0)
                return person with { Start = person.Start + k };
        return person;
    }

    /// <summary>The span token whose head lies outside the span (the first one when the parse splits the name).</summary>
    internal static int SpanHead(Sentence s, EntitySpan span)
    {
        for (int i = span.Start; i < span.End; i++)
        {
            int h = s.Heads![i] - 1;
            if (h < span.Start || h >= span.End) return i;
        }
        return span.End - 1;
    }

    /// <summary>The tokens as written: a space between two tokens unless the text had none ("Kassym-Jomart" stays whole).</summary>
    internal static string JoinTokens(Sentence s, int start, int end)
    {
        var text = new System.Text.StringBuilder();
        for (int i = start; i < end; i++)
        {
            var t = s.Tokens[i];
            if (i > start && !(s.Tokens[i - 1].End == t.Start && t.Start > s.Tokens[i - 1].Start)) text.Append(' ');
            text.Append(t.Text);
        }
        return text.ToString();
    }

    // The sentence as written when its offsets fit the document text, else its tokens joined.
    private static string SentenceText(AnnotatedDocument doc, Sentence s) =>
        s.Start >= 0 && s.End <= doc.Text.Length && s.Start <= s.End && s.End > 0 ? s.TextOf(doc.Text) : JoinTokens(s, 0, s.Count);
}
