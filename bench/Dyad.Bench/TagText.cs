using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Tagging;

namespace Dyad.Bench;

/// <summary>Tags whitespace-tokenized lines from standard input with the committed models: <c>-- tag-text &lt; file</c>.</summary>
internal static class TagText
{
    public static int Run()
    {
        var tagger = PosTagger.Load(Path.Combine("models", "en-ewt.tagger.bin"));
        var lemmatizer = Lemmatizer.Load(Path.Combine("models", "en-ewt.lemmatizer.bin"));
        string? line;
        while ((line = Console.ReadLine()) != null)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var u = new string[words.Length]; var x = new string[words.Length]; var f = new string[words.Length];
            tagger.Tag(words, u, x, f);
            for (int i = 0; i < words.Length; i++)
                Console.WriteLine($"{words[i]}\t{lemmatizer.Lemmatize(words[i], u[i], x[i], f[i])}\t{u[i]}\t{x[i]}\t{f[i]}");
            Console.WriteLine();
        }
        return 0;
    }
}
