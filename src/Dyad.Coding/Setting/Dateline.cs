using Dyad.Coding.Dates;
using Dyad.Text;

namespace Dyad.Coding.Setting;

/// <summary>
/// A news dateline the sentence splitter set apart as its own sentence ("NUR-SULTAN (Reuters) -", "KABUL,
/// Afghanistan, Feb 3 (AFP) --", "WASHINGTON —"): the place the story was filed from and, when written, its date.
/// </summary>
public sealed record Dateline(int SentenceIndex, string Place, string? Region, TimeExpression? Date)
{
    // Datelines open a story; a headline or a byline may come first.
    private const int SentencesSearched = 3;
    private const int MaxTokens = 16;

    /// <summary>The document's dateline, or null when it has none.</summary>
    public static Dateline? Find(AnnotatedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        for (int s = 0; s < doc.Sentences.Count && s < SentencesSearched; s++)
            if (Read(doc.Sentences[s], doc.Text, s) is { } dateline) return dateline;
        return null;
    }

    /// <summary>Reads one sentence as a dateline: upper-case place words, optional ", Region" and ", Mon D", optional "(Source)", a closing dash.</summary>
    public static Dateline? Read(Sentence sentence, string text, int sentenceIndex)
    {
        var tokens = sentence.Tokens;
        if (tokens.Length < 2 || tokens.Length > MaxTokens || !IsDash(tokens[^1].Text) || !IsUpperWord(tokens[0].Text)) return null;
        // Split the head of the dateline (before "(Source)" and the dash) at its commas.
        int end = tokens.Length - 1;
        for (int i = 0; i < end; i++) if (tokens[i].Text == "(") { end = i; break; }
        var parts = new List<(int Start, int End)>();
        int start = 0;
        for (int i = 0; i <= end; i++)
            if (i == end || tokens[i].Text == ",")
            {
                if (i > start) parts.Add((start, i));
                start = i + 1;
            }
        if (parts.Count == 0) return null;
        string place = Slice(text, tokens, parts[0]);
        string? region = null;
        TimeExpression? date = null;
        for (int p = 1; p < parts.Count; p++)
        {
            var dates = TimeExpressionScanner.Scan(Part(sentence, parts[p]));
            if (dates.Count > 0) date = dates[0];
            else region ??= Slice(text, tokens, parts[p]);
        }
        return new Dateline(sentenceIndex, place, region, date);
    }

    // A view of some tokens as a sentence of their own, for the time-expression scanner.
    private static Sentence Part(Sentence sentence, (int Start, int End) part) =>
        new(sentence.Tokens[part.Start].Start, sentence.Tokens[part.End - 1].End, sentence.Tokens[part.Start..part.End]);

    private static string Slice(string text, Token[] tokens, (int Start, int End) part) =>
        text[tokens[part.Start].Start..tokens[part.End - 1].End];

    private static bool IsDash(string form)
    {
        if (form.Length == 0) return false;
        foreach (char c in form) if (c is not ('-' or '—' or '–')) return false;
        return true;
    }

    private static bool IsUpperWord(string form)
    {
        bool letter = false;
        foreach (char c in form)
        {
            if (char.IsLetter(c)) { if (!char.IsUpper(c)) return false; letter = true; }
        }
        return letter && form.Length >= 2;
    }
}
