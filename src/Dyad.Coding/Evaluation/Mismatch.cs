namespace Dyad.Coding.Evaluation;

/// <summary>How a coded sentence departs from its gold events, for error analysis.</summary>
public enum MismatchKind
{
    /// <summary>Right actors, different event code.</summary>
    WrongCode,
    /// <summary>Right code, source and target exchanged.</summary>
    SwappedRoles,
    /// <summary>Right code and target, different source.</summary>
    WrongSource,
    /// <summary>Right code and source, different target.</summary>
    WrongTarget,
    /// <summary>A gold event with no near miss among the coded ones.</summary>
    NotCoded,
    /// <summary>A coded event with no near miss in the gold.</summary>
    Spurious,
}

/// <summary>One departure: the gold event, the coded event, or both when a coded event is a near miss of a gold one.</summary>
public sealed record Mismatch(MismatchKind Kind, EventTriple? Gold, EventTriple? Got)
{
    /// <summary>
    /// Pairs the missing and extra triples of one sentence into near misses, trying the kinds in the order of
    /// <see cref="MismatchKind"/>; what stays unpaired is <see cref="MismatchKind.NotCoded"/> or <see cref="MismatchKind.Spurious"/>.
    /// </summary>
    public static List<Mismatch> Classify(IReadOnlyList<EventTriple> missing, IReadOnlyList<EventTriple> extra)
    {
        var result = new List<Mismatch>();
        var gold = new List<EventTriple>(missing);
        var got = new List<EventTriple>(extra);
        Pair(MismatchKind.WrongCode, (g, e) => g.Source == e.Source && g.Target == e.Target);
        Pair(MismatchKind.SwappedRoles, (g, e) => g.Code == e.Code && g.Source == e.Target && g.Target == e.Source);
        Pair(MismatchKind.WrongSource, (g, e) => g.Code == e.Code && g.Target == e.Target);
        Pair(MismatchKind.WrongTarget, (g, e) => g.Code == e.Code && g.Source == e.Source);
        foreach (var g in gold) result.Add(new Mismatch(MismatchKind.NotCoded, g, null));
        foreach (var e in got) result.Add(new Mismatch(MismatchKind.Spurious, null, e));
        return result;

        void Pair(MismatchKind kind, Func<EventTriple, EventTriple, bool> near)
        {
            for (int i = 0; i < gold.Count; i++)
            {
                int j = got.FindIndex(e => near(gold[i], e));
                if (j < 0) continue;
                result.Add(new Mismatch(kind, gold[i], got[j]));
                gold.RemoveAt(i--);
                got.RemoveAt(j);
            }
        }
    }
}
