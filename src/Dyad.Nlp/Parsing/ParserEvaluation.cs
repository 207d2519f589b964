namespace Dyad.Nlp.Parsing;

/// <summary>
/// Attachment scores with the CoNLL 2018 shared task definitions: every word counts (punctuation included);
/// LAS compares only the universal part of the relation ("nmod:poss" counts as "nmod").
/// </summary>
public sealed class AttachmentScore
{
    public long Words { get; private set; }
    public long HeadCorrect { get; private set; }
    public long LabelledCorrect { get; private set; }
    /// <summary>Words whose head and full relation (with subtype) are right.</summary>
    public long FullLabelCorrect { get; private set; }

    public double Uas => Words == 0 ? 0 : 100.0 * HeadCorrect / Words;
    public double Las => Words == 0 ? 0 : 100.0 * LabelledCorrect / Words;
    public double FullLas => Words == 0 ? 0 : 100.0 * FullLabelCorrect / Words;

    public void Add(ReadOnlySpan<int> goldHeads, ReadOnlySpan<string> goldRelations, ReadOnlySpan<int> heads, ReadOnlySpan<string> relations)
    {
        for (int i = 0; i < goldHeads.Length; i++)
        {
            Words++;
            if (goldHeads[i] != heads[i]) continue;
            HeadCorrect++;
            if (Universal(goldRelations[i]).SequenceEqual(Universal(relations[i]))) LabelledCorrect++;
            if (goldRelations[i] == relations[i]) FullLabelCorrect++;
        }
    }

    public static ReadOnlySpan<char> Universal(string relation)
    {
        int colon = relation.IndexOf(':');
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }

    public override string ToString() => $"UAS {Uas:F2} LAS {Las:F2} (with subtypes {FullLas:F2}) over {Words} words";
}
