using System.Globalization;
using System.Text;

namespace Dyad.Bench;

/// <summary>
/// A fixed, deterministic plain-text news corpus for speed measurements: paragraphs assembled from sentences written
/// for this benchmark (datelines, quotes, abbreviations, numbers, URLs, an embedded tweet), with varied figures.
/// </summary>
public static class NewsCorpus
{
    private static readonly string[] Sentences =
    [
        "Government forces shelled rebel positions near the northern border on Tuesday, killing at least {0} fighters, a military spokesman said.",
        "\"We will not negotiate under fire,\" Foreign Minister Ana Duarte told reporters in the capital.",
        "The U.S. State Department said it was \"deeply concerned\" and urged both sides to return to talks.",
        "Gen. Omar Haddad, who commands the eastern sector, denied that civilians had been targeted.",
        "Protesters gathered outside parliament on Feb. {1}, demanding the release of {0} detained activists.",
        "Police fired tear gas and rubber bullets; witnesses said dozens were hurt.",
        "The central bank raised its key rate by 0.{1} percentage points to {0}.5%, its third increase this year.",
        "Exports fell {1}% to $1,{0}00 million in the first quarter, official data showed.",
        "Mr. Tanaka's party won't join the coalition, a spokeswoman said, adding that it can't accept the budget.",
        "Officials from the U.N. refugee agency said about {0},000 people had fled across the border since Jan. {1}.",
        "The agreement, signed in Geneva, calls for a ceasefire and a prisoner exchange within {1} days.",
        "Opposition leader Maria Okafor called the vote \"a farce\" and said her supporters would boycott the run-off.",
        "Read the full statement at https://www.example.org/news/statement-{0}.html or follow @ExampleNews for updates.",
        "The ministry's long-term plan includes a $3.5 billion e-mail and data network for non-profit groups.",
        "Analysts expect growth of {1}.{0}% next year... but warn that risks remain high.",
        "Sen. John Reed (D-R.I.) said the sanctions \"send a clear message\" to the regime.",
        "Talks will resume at 10 a.m. on Monday, according to a diplomat familiar with the matter.",
        "Turkey and Russia agreed to joint patrols, Ankara said, but Moscow did not confirm the deal.",
    ];

    private static readonly string[] Openers =
    [
        "NUR-SULTAN (Reuters) - ",
        "KABUL, Afghanistan (AP) — ",
        "",
        "",
    ];

    private const string Tweet =
        "Productive meeting with our partners on regional security. pic.twitter.com/sMEF4wXUu9 — Secretary Pompeo (@SecPompeo) February 2, 2020";

    /// <summary>About <paramref name="paragraphs"/> paragraphs separated by blank lines; same output on every call.</summary>
    public static string Build(int paragraphs = 3000)
    {
        var random = new Random(20200202);
        var sb = new StringBuilder(paragraphs * 400);
        for (int p = 0; p < paragraphs; p++)
        {
            if (p % 25 == 0) sb.Append("Fighting flares along disputed border\n\n");
            sb.Append(Openers[random.Next(Openers.Length)]);
            int count = 2 + random.Next(3);
            for (int s = 0; s < count; s++)
            {
                if (s > 0) sb.Append(' ');
                var template = Sentences[random.Next(Sentences.Length)];
                sb.Append(string.Format(CultureInfo.InvariantCulture, template, random.Next(2, 99), random.Next(1, 28)));
            }
            if (p % 40 == 7) sb.Append("\n\n").Append(Tweet);
            sb.Append("\n\n");
        }
        return sb.ToString();
    }
}
