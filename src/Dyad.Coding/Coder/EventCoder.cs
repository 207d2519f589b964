using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;
using Dyad.Knowledge.Learning;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Coding.Coder;

/// <summary>
/// Codes events from sentences already tagged, parsed and NER-annotated: for each verb, its UD subject and object
/// (or passive agent / prepositional object) become source and target, the verb lexicon gives the CAMEO code, and the
/// actor resolver gives both actors. An event is emitted only when the code exists and BOTH actors resolve:
/// precision over recall (docs/coding.md "Coder").
/// </summary>
public sealed class EventCoder
{
    private readonly VerbLexicon _lexicon;
    private readonly EventOntology _ontology;
    private readonly ActorResolver _resolver;

    public EventCoder(VerbLexicon lexicon, EventOntology ontology, ActorResolver resolver)
    {
        _lexicon = lexicon;
        _ontology = ontology;
        _resolver = resolver;
    }

    /// <summary>The embedded lexicon and ontology with the shipped actor dictionaries.</summary>
    public static EventCoder Load(string? userActorDictionary = null) =>
        new(VerbLexicon.Load(), EventOntology.Load(), ActorResolver.Load(userActorDictionary));

    public IReadOnlyList<CodedEvent> Code(AnnotatedDocument doc) => Code(doc, out _);

    /// <summary>The events, and the people whose roles the document states (learned before coding, see below).</summary>
    public IReadOnlyList<CodedEvent> Code(AnnotatedDocument doc, out IReadOnlyList<LearnedActor> learned)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var events = new List<CodedEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // People whose role the document itself states ("Kazakh Foreign Minister Mukhtar Tleuberdi") are learned first,
        // so later mentions by surname or bare title resolve to them.
        var memory = DocumentActorMemory.Learn(doc, _resolver);
        learned = memory.People;
        var actors = new DocumentActors(_resolver, memory, doc.Document.Date);
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            // A tweet attribution line names who posted, it reports no event.
            if (sentence.Tweet != null || sentence.Heads == null || sentence.Relations == null || sentence.Upos == null || sentence.Lemmas == null)
                continue;
            var tree = new DependencyView(sentence);
            if (tree.IsQuestion(doc.Text)) continue;
            for (int v = 0; v < sentence.Count; v++)
                if (sentence.Upos[v] == "VERB")
                    CodeVerb(doc, s, sentence, tree, v, actors, events, seen);
        }
        return events;
    }

    private void CodeVerb(AnnotatedDocument doc, int sentenceIndex, Sentence sentence, DependencyView tree, int verb, DocumentActors actors, List<CodedEvent> events, HashSet<string> seen)
    {
        if (tree.HasModal(verb)) return;
        bool negated = tree.IsNegated(verb);

        int subject = tree.Child(verb, "nsubj");
        int passiveSubject = tree.Child(verb, "nsubj:pass");
        // A passive auxiliary makes the subject a patient even when the parser labels it plain nsubj.
        if (passiveSubject < 0 && subject >= 0 && tree.Child(verb, "aux:pass") >= 0) (passiveSubject, subject) = (subject, -1);
        int obj = tree.Child(verb, "obj");
        if (obj < 0) obj = tree.Child(verb, "iobj");
        int agent = passiveSubject >= 0 ? tree.OblWithCase(verb, "by") : -1;
        int xcomp = tree.Child(verb, "xcomp");
        int ccomp = tree.Child(verb, "ccomp");

        int source, target;
        if (passiveSubject >= 0) { source = agent; target = passiveSubject; }
        else { source = subject; target = obj; }
        // The subject of an open complement is its governor's object ("urged Kazakhstan to join"), else its subject.
        // A participial adverbial clause shares its governor's subject ("Geng criticized X, accusing Washington ...").
        if (source < 0 && passiveSubject < 0 && sentence.Relations![verb] == "advcl" && tree.Child(verb, "mark") < 0 && sentence.Heads![verb] > 0)
            source = tree.Child(sentence.Heads[verb] - 1, "nsubj");
        if (source < 0 && sentence.Relations![verb] == "xcomp")
        {
            int governor = sentence.Heads![verb] - 1;
            if (governor >= 0)
            {
                int governorObject = tree.Child(governor, "obj");
                source = governorObject >= 0 ? governorObject : tree.Child(governor, "nsubj");
            }
        }

        var context = BuildContext(sentence, tree, verb, source, obj, xcomp, ccomp, actors);
        var match = _lexicon.Match(sentence.Lemmas![verb], context);
        if (match?.Code is not { } code || code == "---") return;
        // CAMEO codes negated events differently; the only negation we code is "did not comment" (011).
        if (negated && code != "011") return;

        if (target < 0) target = PrepositionalTarget(match.Entry, tree, verb);
        if (match.Entry.Reversed) (source, target) = (target, source);
        if (source < 0 || target < 0) return;
        if (_ontology.Lookup(code) is not { } type) return;

        foreach (int sourceHead in tree.WithConjuncts(source))
        {
            var sourceActor = actors.Resolve(sentence, sourceHead);
            if (sourceActor == null) continue;
            foreach (int targetHead in tree.WithConjuncts(target))
            {
                int targetWord = targetHead;
                var targetActor = actors.Resolve(sentence, targetWord);
                // "criticized Pompeo's remarks": the owner of a non-actor target is the target.
                if (targetActor == null && tree.Child(targetHead, "nmod:poss") is var owner and >= 0)
                {
                    targetWord = owner;
                    targetActor = actors.Resolve(sentence, owner);
                }
                if (targetActor == null || targetActor.Code == sourceActor.Code) continue;
                var e = BuildEvent(doc, sentenceIndex, sentence, tree, verb, negated, match, sourceHead, sourceActor, targetWord, targetActor);
                Add(e.WithEventType(type), events, seen);
                // A paired code ("visit" 042:043) also codes the target's side with the roles swapped.
                if (match.Entry.PairedCode is { } paired && _ontology.Lookup(paired) is { } pairedType)
                    Add((e with
                    {
                        Source = e.Target, Target = e.Source, SourceName = e.TargetName, TargetName = e.SourceName,
                        SourceText = e.TargetText, TargetText = e.SourceText,
                    }).WithEventType(pairedType), events, seen);
            }
        }
    }

    private static void Add(CodedEvent e, List<CodedEvent> events, HashSet<string> seen)
    {
        e = EventIds.WithId(e);
        if (seen.Add(e.EventId)) events.Add(e);
    }

    private static VerbContext BuildContext(Sentence sentence, DependencyView tree, int verb, int subject, int obj, int xcomp, int ccomp, DocumentActors actors)
    {
        var lemmas = sentence.Lemmas!;
        var particles = new List<string>();
        var prepositions = new List<PrepositionalPhrase>();
        var others = new List<string>();
        foreach (int child in tree.Children(verb))
        {
            var relation = sentence.Relations![child];
            if (relation == "compound:prt") particles.Add(Lower(lemmas[child]));
            else if (relation == "obl" || relation.StartsWith("obl:", StringComparison.Ordinal))
            {
                int marker = tree.Child(child, "case");
                if (marker >= 0)
                    prepositions.Add(new PrepositionalPhrase(Lower(lemmas[marker]), Lower(lemmas[child]), actors.Resolve(sentence, child) != null)
                    {
                        ObjectModifiers = tree.Modifiers(child),
                    });
            }
            else if (relation is "advmod" or "aux" or "compound") others.Add(Lower(lemmas[child]));
        }
        return new VerbContext
        {
            Particles = particles,
            Prepositions = prepositions,
            Object = obj >= 0 ? Lower(lemmas[obj]) : null,
            ObjectModifiers = obj >= 0 ? tree.Modifiers(obj) : [],
            ObjectIsActor = obj >= 0 && actors.Resolve(sentence, obj) != null,
            Xcomp = xcomp >= 0 ? Lower(lemmas[xcomp]) : null,
            Ccomp = ccomp >= 0 ? Lower(lemmas[ccomp]) : null,
            Subject = subject >= 0 ? Lower(lemmas[subject]) : null,
            SubjectIsActor = subject >= 0 && actors.Resolve(sentence, subject) != null,
            OtherWords = others,
        };
    }

    // When the winning pattern names a preposition ("meet with X"), that prepositional object is the target.
    private static int PrepositionalTarget(LexiconEntry entry, DependencyView tree, int verb)
    {
        foreach (var constraint in entry.Constraints)
            if (constraint.Kind is ConstraintKind.Preposition or ConstraintKind.ParticleOrPreposition && constraint.Preposition != null)
                foreach (var preposition in constraint.Preposition.Split('|'))
                {
                    int obl = tree.OblWithCase(verb, preposition);
                    if (obl >= 0) return obl;
                }
        return -1;
    }

    private static CodedEvent BuildEvent(AnnotatedDocument doc, int sentenceIndex, Sentence sentence, DependencyView tree, int verb, bool negated,
        LexiconMatch match, int sourceHead, ActorResolution source, int targetHead, ActorResolution target)
    {
        var text = doc.Text;
        var tokens = sentence.Tokens;
        return new CodedEvent
        {
            DocId = doc.Document.Id,
            SentenceIndex = sentenceIndex,
            Date = doc.Document.Date == DateOnly.MinValue ? null : doc.Document.Date.ToString("yyyy-MM-dd"),
            Source = source.Code,
            Target = target.Code,
            SourceName = Slice(text, tokens, source.Start, source.End),
            TargetName = Slice(text, tokens, target.Start, target.End),
            SourceText = tree.PhraseText(text, sourceHead),
            TargetText = tree.PhraseText(text, targetHead),
            VerbText = tokens[verb].Text,
            Sentence = sentence.TextOf(text),
            // The evidence span is the whole sentence (document character offsets).
            CharStart = sentence.Start,
            CharEnd = sentence.End,
            Negated = negated,
            Confidence = Confidence(match.Entry, source, target),
            Rule = $"{match.Provenance}; source {source.Rule}; target {target.Rule}",
        };
    }

    /// <summary>
    /// A simple heuristic: 0.5, +0.2 when the pattern has constraints (the context narrowed the code), +0.1 for each
    /// actor found directly in the dictionary rather than by a fallback rule (agent, apposition, region).
    /// </summary>
    internal static double Confidence(LexiconEntry entry, ActorResolution source, ActorResolution target)
    {
        double confidence = 0.5;
        if (entry.Specificity > 0) confidence += 0.2;
        if (IsDirect(source.Rule)) confidence += 0.1;
        if (IsDirect(target.Rule)) confidence += 0.1;
        return Math.Round(confidence, 2);
    }

    private static bool IsDirect(string rule) =>
        rule is ActorResolution.DictionaryRule or ActorResolution.CountryRule or ActorResolution.CapitalRule or ActorResolution.AgentCountryRule;

    private static string Slice(string text, Token[] tokens, int start, int end) =>
        end > start ? text[tokens[start].Start..tokens[end - 1].End] : "";

    private static string Lower(string s) => s.ToLowerInvariant();

    /// <summary>The dictionaries and tables first, then the people this document introduced.</summary>
    private sealed class DocumentActors(ActorResolver resolver, DocumentActorMemory memory, DateOnly date)
    {
        public ActorResolution? Resolve(Sentence sentence, int head) =>
            resolver.Resolve(sentence, head, date) ?? memory.Resolve(sentence, head);
    }
}
