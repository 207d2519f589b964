using Dyad.Knowledge.Dictionaries;

namespace Dyad.Knowledge.Learning;

/// <summary>How a learned role stands against the dictionaries on a date.</summary>
public enum AgreementKind
{
    /// <summary>The dictionaries give the person no code on the date: the news taught something new.</summary>
    New,
    /// <summary>The dictionaries give the same code: the news confirms them, with dated evidence.</summary>
    Confirms,
    /// <summary>The dictionaries give another code (an outdated role, a namesake): the news corrects them.</summary>
    Differs,
}

/// <summary>The comparison of a learned role with a dictionary's answer for the same name.</summary>
public sealed record DictionaryAgreement(AgreementKind Kind, ActorMatch? Dictionary)
{
    /// <summary>Compares on the last date the role was seen, the date the evidence is freshest.</summary>
    public static DictionaryAgreement Of(LearnedActor actor, ActorDictionary dictionary) => Of(actor, dictionary, actor.LastSeen);

    public static DictionaryAgreement Of(LearnedActor actor, ActorDictionary dictionary, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(dictionary);
        var known = dictionary.ResolveActor(actor.Name, date);
        if (known == null || known.Codes.Count == 0) return new(AgreementKind.New, known);
        return new(known.Codes.Contains(actor.Code) ? AgreementKind.Confirms : AgreementKind.Differs, known);
    }

    /// <summary>A short phrase for listings: "new", "confirms USAGOV", "differs from KSVOPP".</summary>
    public string Describe() => Kind switch
    {
        AgreementKind.Confirms => $"confirms {Dictionary!.Code!.Code}",
        AgreementKind.Differs => $"differs from {Dictionary!.Code!.Code}",
        _ => "new",
    };
}
