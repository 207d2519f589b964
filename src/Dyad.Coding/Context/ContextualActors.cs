using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Coding.Context;

/// <summary>
/// Actors whose phrase alone names no country, given one by the rest of the document (docs/coding.md "Context"):
/// <list type="bullet">
/// <item>a <b>definite</b> agent ("the government", "the military", "the minister") or one owned by "the country" /
/// "its" ("the country's civilian leader") takes the one country mentioned before it in its sentence and the two
/// before; else, when none was named, the story's setting;</item>
/// <item>a <b>bare</b> agent ("Police arrested dozens of protesters") takes the story's setting only: the dateline's
/// country, else the one country all the document's place names lie in;</item>
/// <item>"the country" / "the nation" is the one country mentioned before it (same reach).</item>
/// </list>
/// Two candidate countries, or none, give nothing: a wrong country is a wrong event. Never across documents.
/// </summary>
internal sealed class ContextualActors
{
    public const string AntecedentRule = "context:antecedent";

    private readonly ActorResolver _resolver;
    private readonly DateOnly _date;
    private readonly DocumentCountries _countries;
    private readonly Dictionary<Sentence, int> _sentenceIndex = new(ReferenceEqualityComparer.Instance);

    public ContextualActors(ActorResolver resolver, AnnotatedDocument doc, Func<Sentence, int, ActorResolution?> resolveName)
    {
        _resolver = resolver;
        _date = doc.Document.Date;
        for (int s = 0; s < doc.Sentences.Count; s++) _sentenceIndex[doc.Sentences[s]] = s;
        _countries = new DocumentCountries(doc, resolver.Countries, resolveName);
    }

    /// <summary>
    /// The actor of the phrase headed by <paramref name="head"/> from the document's context, or null.
    /// <paramref name="agentOnly"/> is the phrase's own resolution when it is an agent without a country.
    /// </summary>
    public ActorResolution? Resolve(Sentence sentence, int head, ActorResolution? agentOnly)
    {
        if (!_sentenceIndex.TryGetValue(sentence, out int index) || sentence.Lemmas == null || sentence.Upos == null) return null;
        if (agentOnly != null) return PlaceAgent(sentence, index, head);
        if (!IsCountryNoun(sentence, head)) return null;
        return _countries.Antecedent(index, head) is { } country
            ? new ActorResolution(country, head, head + 1, AntecedentRule, $"'the {sentence.Tokens[head].Text}' refers to the one country named before it ({country})")
            : null;
    }

    private ActorResolution? PlaceAgent(Sentence sentence, int index, int head)
    {
        string? country = null, why = null, kind = null;
        if (IsDefinite(sentence, head) || HasCountryOwner(sentence, head))
        {
            country = _countries.Antecedent(index, head, out bool ambiguous);
            // "Putin met Erdogan in Ankara. The president ...": two candidates; the setting does not choose between them.
            if (ambiguous) return null;
            (why, kind) = ($"the one country named before it ({country})", "antecedent");
        }
        if (country == null && _countries.Setting is { } setting) (country, why, kind) = (setting.Country, setting.Why, "setting");
        if (country == null) return null;
        var placed = _resolver.ResolveInCountry(sentence, head, _date, country, why!);
        return placed == null ? null : placed with { Rule = placed.Rule + ":" + kind };
    }

    /// <summary>"the government", "the military": a definite article and nothing else that could pick another referent.</summary>
    private static bool IsDefinite(Sentence sentence, int head)
    {
        bool definite = false;
        for (int i = 0; i < sentence.Count; i++)
        {
            if (sentence.Heads![i] - 1 != head) continue;
            string relation = sentence.Relations![i];
            if (relation == "det") definite = sentence.Lemmas![i] is "the" or "this";
            // "the other government", "the two militaries", "the neighbouring country's army": another referent.
            else if (relation is "nummod" || (relation == "amod" && sentence.Lemmas![i] is "other" or "neighbouring" or "neighboring" or "foreign" or "rival" or "former"))
                return false;
        }
        return definite;
    }

    /// <summary>"the country's civilian leader", "its military": owned by the country the text is about.</summary>
    private static bool HasCountryOwner(Sentence sentence, int head)
    {
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Heads![i] - 1 == head && sentence.Relations![i] == "nmod:poss")
                return sentence.Tokens[i].Text.Equals("its", StringComparison.OrdinalIgnoreCase) || IsCountryNoun(sentence, i);
        return false;
    }

    /// <summary>"the country", "the nation": singular, definite, unmodified (not "the neighbouring country", "the two countries").</summary>
    private static bool IsCountryNoun(Sentence sentence, int head) =>
        sentence.Upos![head] == "NOUN" && sentence.Lemmas![head] is "country" or "nation"
        && sentence.Xpos?[head] is not "NNS" && IsDefinite(sentence, head) && !HasModifier(sentence, head);

    private static bool HasModifier(Sentence sentence, int head)
    {
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Heads![i] - 1 == head && sentence.Relations![i] is "amod" or "compound" or "nmod" or "acl" or "acl:relcl" or "nummod")
                return true;
        return false;
    }
}
