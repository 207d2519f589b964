using Dyad.Coding.Context;
using Dyad.Knowledge.Learning;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Coding.Coder;

/// <summary>
/// Resolves the actor a token refers to within one document: the dictionaries and tables, the people the document
/// introduced with a role (<see cref="DocumentActorMemory"/>), surnames of people it named in full ("Mike Pompeo" ...
/// "Pompeo"), third-person pronouns ("he", "she") to the person last named as a subject and a subject "it" to the
/// country or organisation last named as one. Agents without a country ("the government", "police") take one from the
/// document's context when it names exactly one (<see cref="ContextualActors"/>), else resolve to nothing: the country
/// is what the event is about (precision first).
/// </summary>
internal sealed class DocumentMentions
{
    public const string SurnameRule = "document:surname";
    public const string PronounRule = "coref:pronoun";
    public const string ThingPronounRule = "coref:it";

    private readonly ActorResolver _resolver;
    private readonly DocumentActorMemory _memory;
    private readonly DateOnly _date;
    private readonly AnnotatedDocument _doc;
    private readonly Dictionary<string, ActorResolution> _surnames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguousSurnames = new(StringComparer.Ordinal);
    // People named as subjects, in document order: the antecedents of "he" and "she".
    private readonly List<(int Sentence, int Token, ActorResolution Actor)> _personSubjects = [];
    // Countries and organisations named as singular subjects, in document order: the antecedents of "it".
    private readonly List<(int Sentence, int Token, ActorResolution Actor)> _thingSubjects = [];

    public DocumentMentions(ActorResolver resolver, AnnotatedDocument doc)
    {
        _resolver = resolver;
        _doc = doc;
        _date = doc.Document.Date;
        _memory = DocumentActorMemory.Learn(doc, resolver);
        LearnPeople();
        _contextReady = true;
    }

    /// <summary>The people the document introduced with a role ("Kazakh Foreign Minister Mukhtar Tleuberdi").</summary>
    public IReadOnlyList<LearnedActor> People => _memory.People;

    /// <summary>The actor of the noun phrase headed by <paramref name="head"/>, or null (no pronouns).</summary>
    public ActorResolution? ResolveName(Sentence sentence, int head)
    {
        var learned = _memory.Resolve(sentence, head);
        // What this document says a named person is beats a dictionary role that may be stale for the date.
        if (learned != null && learned.Rule != DocumentActorMemory.TitleRule) return learned;
        var found = _resolver.Resolve(sentence, head, _date);
        // "the secretary" alone is an agent without a country; the one person the document gave that title is meant.
        ActorResolution? agentOnly = null;
        if (found != null && IsAgentOnly(found)) (agentOnly, found) = (found, null);
        return found ?? learned ?? ByTitle(sentence, head) ?? BySurname(sentence, head) ?? Context?.Resolve(sentence, head, agentOnly);
    }

    // The document's countries, read once the names above can be resolved (not while this memory is being built, and
    // not from inside its own reading: a name resolved there never asks the context).
    private ContextualActors? _context;
    private bool _contextReady;

    private ContextualActors? Context
    {
        get
        {
            if (!_contextReady || _context != null) return _context;
            _contextReady = false;
            _context = new ContextualActors(_resolver, _doc, ResolveName);
            _contextReady = true;
            return _context;
        }
    }

    /// <summary>An agent with no country or actor ("police", "the country's civilian leader"): whose, the text does not say.</summary>
    private static bool IsAgentOnly(ActorResolution actor) =>
        actor.Rule == ActorResolution.AgentRule || actor.Rule.EndsWith(":" + ActorResolution.AgentRule, StringComparison.Ordinal);

    /// <summary>"Kazakh President Kassym-Jomart Tokayev": the parser hangs the title off the name as nmod:desc; the title resolves.</summary>
    private ActorResolution? ByTitle(Sentence sentence, int head)
    {
        foreach (int c in Children(sentence, head))
        {
            if (sentence.Relations![c] != "nmod:desc") continue;
            var title = _resolver.Resolve(sentence, c, _date);
            if (title != null && !IsAgentOnly(title)) return title;
        }
        return null;
    }

    /// <summary>
    /// The person a third-person singular pronoun at (<paramref name="sentenceIndex"/>, <paramref name="token"/>)
    /// refers to: the person most recently named as a subject in this or the two previous sentences.
    /// </summary>
    public ActorResolution? PronounAntecedent(int sentenceIndex, int token) =>
        LastBefore(_personSubjects, sentenceIndex, token, reach: 2, PronounRule, "pronoun refers to the person last named as a subject: ");

    /// <summary>The last subject in <paramref name="subjects"/> before the pronoun, within <paramref name="reach"/> sentences back.</summary>
    private static ActorResolution? LastBefore(List<(int Sentence, int Token, ActorResolution Actor)> subjects, int sentenceIndex, int token,
        int reach, string rule, string why)
    {
        for (int i = subjects.Count - 1; i >= 0; i--)
        {
            var (s, t, actor) = subjects[i];
            if (s > sentenceIndex || (s == sentenceIndex && t >= token)) continue;
            if (s < sentenceIndex - reach) return null;
            return actor with { Rule = rule + ":" + actor.Rule, Explanation = why + actor.Explanation };
        }
        return null;
    }

    private ActorResolution? BySurname(Sentence sentence, int head)
    {
        if (sentence.Upos?[head] != "PROPN") return null;
        // The name's own tokens: the head with its flat parts ("Secretary Pompeo" has Pompeo as flat).
        if (Lookup(sentence.Tokens[head].Text) is { } direct) return direct;
        foreach (int c in Children(sentence, head))
            if (sentence.Relations![c].StartsWith("flat", StringComparison.Ordinal) && Lookup(sentence.Tokens[c].Text) is { } viaFlat) return viaFlat;
        return null;

        ActorResolution? Lookup(string word) =>
            !_ambiguousSurnames.Contains(word) && _surnames.TryGetValue(word, out var a)
                ? a with { Start = head, End = head + 1, Rule = SurnameRule, Explanation = $"'{word}' is the surname of a person this document named in full: {a.Explanation}" }
                : null;
    }

    private static IEnumerable<int> Children(Sentence sentence, int head)
    {
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Heads![i] - 1 == head) yield return i;
    }

    /// <summary>Surnames of people named in full, and the people named as subjects, in one pass over the document.</summary>
    private void LearnPeople()
    {
        for (int s = 0; s < _doc.Sentences.Count; s++)
        {
            var sentence = _doc.Sentences[s];
            if (sentence.Entities == null || sentence.Heads == null || sentence.Relations == null) continue;
            foreach (var entity in sentence.Entities)
            {
                if (entity.Type != RoleLearner.PersonType)
                {
                    NoteThingSubject(s, sentence, SpanHead(sentence, entity.Start, entity.End));
                    continue;
                }
                int head = SpanHead(sentence, entity.Start, entity.End);
                // The whole phrase the name heads or modifies: "Secretary of State Mike Pompeo" resolves at "Secretary".
                int phraseHead = head;
                while (sentence.Relations[phraseHead] is "flat" or "nmod" or "appos" or "compound" && sentence.Heads[phraseHead] > 0
                       && sentence.Upos?[sentence.Heads[phraseHead] - 1] is "PROPN" or "NOUN")
                    phraseHead = sentence.Heads[phraseHead] - 1;
                var actor = ResolveName(sentence, head) ?? ResolveName(sentence, phraseHead);
                if (actor == null) continue;
                if (entity.End - entity.Start >= 2)
                {
                    var surname = sentence.Tokens[entity.End - 1].Text;
                    if (_surnames.TryGetValue(surname, out var known) && known.Code != actor.Code) _ambiguousSurnames.Add(surname);
                    else _surnames[surname] = actor;
                }
                if (sentence.Relations[phraseHead] is "nsubj" or "nsubj:pass") _personSubjects.Add((s, phraseHead, actor));
            }
        }
    }

    /// <summary>A country or organisation named as a singular subject ("China criticized Japan"): an antecedent of "it".</summary>
    private void NoteThingSubject(int s, Sentence sentence, int head)
    {
        if (sentence.Relations![head] is not ("nsubj" or "nsubj:pass") || sentence.Xpos?[head] is "NNS" or "NNPS") return;
        if (ResolveName(sentence, head) is { } actor) _thingSubjects.Add((s, head, actor));
    }

    /// <summary>
    /// The country or organisation "it" at (<paramref name="sentenceIndex"/>, <paramref name="token"/>) refers to: the
    /// last one named as a singular subject before it in its sentence or the one before (docs/coding.md "Context").
    /// </summary>
    public ActorResolution? ThingAntecedent(int sentenceIndex, int token) =>
        LastBefore(_thingSubjects, sentenceIndex, token, reach: 1, ThingPronounRule, "'it' refers to the country or organisation last named as a subject: ");

    internal static int SpanHead(Sentence sentence, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            int h = sentence.Heads![i] - 1;
            if (h < start || h >= end) return i;
        }
        return start;
    }
}
