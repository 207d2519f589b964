using Dyad.Text;

namespace Dyad.Coding.Coder;

/// <summary>
/// Direct quotes read from the quote marks of a sentence, for the speaker of a first-person word when the parse does
/// not link the quote to its reporting verb: <c>"Russia attacked our ships," Zelensky said</c> is often parsed with
/// "said" hanging off a noun inside the quote, so the tree path from "our" never meets a reporting verb's complement.
/// </summary>
internal static class QuotedSpeech
{
    /// <summary>
    /// The reporting verb outside the quotation that holds <paramref name="token"/>, nearest to it and with a subject;
    /// -1 when the token is not quoted or the sentence has no such verb.
    /// </summary>
    public static int ReportingVerbOutside(DependencyView tree, int token)
    {
        var sentence = tree.Sentence;
        if (!QuotationAround(sentence, token, out int open, out int close)) return -1;
        int best = -1, bestDistance = int.MaxValue;
        for (int i = 0; i < sentence.Count; i++)
        {
            if (i >= open && i <= close) continue;
            if (sentence.Upos![i] != "VERB" || !VerbClasses.IsReporting(tree.Lemma(i)) || tree.Child(i, "nsubj") < 0) continue;
            int distance = i < open ? open - i : i - close;
            if (distance < bestDistance) { best = i; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>
    /// The quote marks around <paramref name="token"/>: marks pair up in order; an unpaired opening mark runs to the end
    /// of the sentence (a quote that goes on into the next one), an unpaired closing mark from its start.
    /// </summary>
    private static bool QuotationAround(Sentence sentence, int token, out int open, out int close)
    {
        open = -1;
        close = -1;
        int pending = -1, marks = 0;
        for (int i = 0; i < sentence.Count; i++)
        {
            if (!IsQuoteMark(sentence.Tokens[i].Text)) continue;
            marks++;
            if (pending < 0) { pending = i; continue; }
            if (token > pending && token < i) { open = pending; close = i; return true; }
            pending = -1;
        }
        if (pending >= 0 && token > pending) { open = pending; close = sentence.Count; return true; }
        // One closing mark only: the quote began in an earlier sentence.
        if (marks == 1 && pending >= 0 && token < pending && IsClosingPosition(sentence, pending)) { open = -1; close = pending; return true; }
        return false;
    }

    // A lone mark after the sentence's first words and right after a comma or full stop closes a quote ("... ships," he said).
    private static bool IsClosingPosition(Sentence sentence, int mark) =>
        mark > 0 && sentence.Tokens[mark - 1].Text is "," or "." or "!" or "?";

    private static bool IsQuoteMark(string text) => text is "\"" or "\u201C" or "\u201D" or "``" or "''" or "\u00AB" or "\u00BB";
}
