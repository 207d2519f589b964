using Dyad.Coding.Discards;
using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;
using Dyad.Coding.Setting;
using Dyad.Knowledge.Learning;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Coding.Coder;

/// <summary>
/// Codes events from sentences already tagged, parsed and NER-annotated. Predicates are verbs (the verb lexicon) and
/// event nouns ("talks", "visit", "airstrike"); their source and target come from the UD tree (subject/object,
/// passive agent, prepositional objects, inherited subjects of complements and conjuncts, relative clauses,
/// pronouns, quote speakers), the clause's modality decides whether and how the event is coded (negation, modals,
/// conditions, intent, refusal, threat), and the actor resolver gives both actors. An event is written only when the
/// code exists and BOTH actors resolve to different codes: precision over recall (docs/coding.md "Coder").
/// </summary>
public sealed class EventCoder
{
    private readonly VerbLexicon _lexicon;
    private readonly EventOntology _ontology;
    private readonly ActorResolver _resolver;
    private readonly EventSetting _setting = EventSetting.Shipped;
    private readonly CodingConvention _convention;
    private readonly DiscardList _discards;

    /// <param name="convention">How auxiliaries and negation are read: CAMEO's (the default) or PETRARCH-2's (docs/coding.md "Conventions").</param>
    public EventCoder(VerbLexicon lexicon, EventOntology ontology, ActorResolver resolver, CodingConvention convention = CodingConvention.Cameo)
    {
        _lexicon = lexicon;
        _ontology = ontology;
        _resolver = resolver;
        _convention = convention;
        _discards = DiscardList.From(resolver.Dictionary, all: convention == CodingConvention.Petrarch);
    }

    /// <summary>The embedded lexicon and ontology with the shipped actor dictionaries.</summary>
    public static EventCoder Load(string? userActorDictionary = null) =>
        new(VerbLexicon.Load(), EventOntology.Load(), ActorResolver.Load(userActorDictionary));

    public IReadOnlyList<CodedEvent> Code(AnnotatedDocument doc) => Code(doc, explain: false, out _);

    /// <param name="explain">Also record, per event, the dependency path and the decisions that produced it.</param>
    public IReadOnlyList<CodedEvent> Code(AnnotatedDocument doc, bool explain) => Code(doc, explain, out _);

    /// <summary>The events, and the people whose roles the document states (learned before coding, see below).</summary>
    public IReadOnlyList<CodedEvent> Code(AnnotatedDocument doc, out IReadOnlyList<LearnedActor> learned) => Code(doc, explain: false, out learned);

    /// <param name="explain">Also record, per event, the dependency path and the decisions that produced it.</param>
    /// <param name="learned">The people whose roles the document itself states, learned before coding.</param>
    public IReadOnlyList<CodedEvent> Code(AnnotatedDocument doc, bool explain, out IReadOnlyList<LearnedActor> learned)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var mentions = new DocumentMentions(_resolver, doc);
        learned = mentions.People;
        return Code(doc, explain, mentions);
    }

    /// <summary>
    /// The events, the people the document states roles of, and its named entities and quotes (<see cref="DocumentMarks"/>)
    /// with the actors the same document memory resolves them to: what the store keeps for the document view.
    /// </summary>
    public IReadOnlyList<CodedEvent> Code(AnnotatedDocument doc, out IReadOnlyList<LearnedActor> learned, out DocumentMarks marks)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var mentions = new DocumentMentions(_resolver, doc);
        learned = mentions.People;
        var events = Code(doc, explain: false, mentions);
        marks = DocumentMarkReader.Read(doc, mentions, _resolver.Countries);
        return events;
    }

    private List<CodedEvent> Code(AnnotatedDocument doc, bool explain, DocumentMentions mentions)
    {
        var events = new List<CodedEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tweets = TweetBlocks.Find(doc);
        // Sports, entertainment and the like (the dictionaries' discard phrases) yield no events.
        var discards = _discards.Check(doc);
        if (discards.Story != null) return events;
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            if (discards.For(s) != null) continue;
            // A tweet attribution line names who posted, it reports no event.
            if (sentence.Tweet != null || sentence.Heads == null || sentence.Relations == null || sentence.Upos == null || sentence.Lemmas == null)
                continue;
            var tree = new DependencyView(sentence);
            if (tree.IsQuestion(doc.Text)) continue;
            var author = tweets[s] is { } tweet ? TweetAuthor(doc, tweet, mentions) : null;
            var clause = new SentenceCoder(this, doc, s, tree, mentions, author, explain, events, seen);
            clause.CodeAll();
        }
        return events;
    }

    private static TweetSpeaker? TweetAuthor(AnnotatedDocument doc, int attributionSentence, DocumentMentions mentions)
    {
        var line = doc.Sentences[attributionSentence];
        if (line.Heads == null || line.Relations == null) return null;
        var tweet = line.Tweet!;
        for (int i = 0; i < line.Count; i++)
        {
            if (line.Heads[i] != 0) continue;
            var actor = mentions.ResolveName(line, i);
            return actor == null ? null : new TweetSpeaker(actor, tweet.Handle, tweet.Date, tweet.AuthorName ?? line.Tokens[i].Text);
        }
        return null;
    }

    internal sealed record TweetSpeaker(ActorResolution Actor, string? Handle, DateOnly? Date, string Text)
    {
        public string Describe() => $"tweet author '{Text}' ({Handle} {Date:yyyy-MM-dd})";
    }

    /// <summary>Codes one sentence: every verb and event-noun predicate.</summary>
    private sealed class SentenceCoder
    {
        private readonly EventCoder _coder;
        private readonly AnnotatedDocument _doc;
        private readonly int _index;
        private readonly Sentence _s;
        private readonly DependencyView _tree;
        private readonly DocumentMentions _mentions;
        private readonly TweetSpeaker? _author;
        private readonly bool _explain;
        private readonly List<CodedEvent> _events;
        private readonly HashSet<string> _seen;
        private readonly LexiconMatch?[] _verbMatches;
        private readonly bool[] _matched;
        private readonly ActorResolution?[] _names;
        private readonly bool[] _nameResolved;
        private readonly bool[] _nounCoded;
        private readonly int[] _nounEvents;

        public SentenceCoder(EventCoder coder, AnnotatedDocument doc, int index, DependencyView tree, DocumentMentions mentions,
            TweetSpeaker? author, bool explain, List<CodedEvent> events, HashSet<string> seen)
        {
            _coder = coder;
            _doc = doc;
            _index = index;
            _s = tree.Sentence;
            _tree = tree;
            _mentions = mentions;
            _author = author;
            _explain = explain;
            _events = events;
            _seen = seen;
            _verbMatches = new LexiconMatch?[_s.Count];
            _matched = new bool[_s.Count];
            _names = new ActorResolution?[_s.Count];
            _nameResolved = new bool[_s.Count];
            _nounCoded = new bool[_s.Count];
            _nounEvents = new int[_s.Count];
        }

        public void CodeAll()
        {
            for (int t = 0; t < _s.Count; t++)
            {
                if (_s.Upos![t] == "VERB") CodeVerb(t);
                else if (_s.Upos[t] == "NOUN") CodeNounOnce(t);
            }
        }

        /// <summary>Codes an event noun the first time it is asked for (by its verb or in sentence order); the number of events it added.</summary>
        private int CodeNounOnce(int noun)
        {
            if (_nounCoded[noun]) return _nounEvents[noun];
            _nounCoded[noun] = true;
            int before = _events.Count;
            CodeNoun(noun);
            return _nounEvents[noun] = _events.Count - before;
        }

        // ---- verbs ----------------------------------------------------------------------------------------------

        private LexiconMatch? VerbMatch(int verb)
        {
            if (_matched[verb]) return _verbMatches[verb];
            _matched[verb] = true;
            var (source, target, _) = VerbRoles(verb);
            var context = BuildContext(verb, source, DirectObject(verb));
            return _verbMatches[verb] = _coder._lexicon.Match(_s.Lemmas![verb], context);
        }

        private void CodeVerb(int verb)
        {
            var match = VerbMatch(verb);
            var lemma = _tree.Lemma(verb);
            bool negated = _tree.IsNegated(verb);
            string? code = match?.Code;
            // "did not comment", "has not responded": CAMEO's 011 Decline comment.
            if (negated && lemma is "comment" or "respond" or "reply") code = "011";
            if (code == null || match == null) return;
            if (ComplementCodesInstead(verb, match)) return;
            // "told the UN that his country would not negotiate": the reported content is the event, not the telling.
            if (code == "010" && (_tree.Child(verb, "ccomp") >= 0 || _tree.Child(verb, "parataxis") >= 0)) return;

            var notes = _explain ? new List<string>() : null;
            // A pattern that names the negation or modal ("WILL NOT * ...", "&NEGATVAUXVRB * OVER EFFORTS") has already
            // decided what the clause means: its code is coded as written.
            bool patternNamesModality = Modality.PatternNamesModality(match.Entry);
            if (patternNamesModality) notes?.Add("modality: as the pattern names it");
            var modality = patternNamesModality ? ModalityResult.Asserted : Modality.Assess(_tree, verb, g => VerbMatch(g), _coder._convention, notes);
            if (modality.Suppressed) return;
            if (patternNamesModality || _coder._convention == CodingConvention.Petrarch) negated = false;
            // Negation suppresses the event, except "did not comment" (011) and "will not meet" (a refusal).
            if (negated && code != "011" && modality.Embedding != Embedding.Refusal) return;
            if (negated && modality.Embedding == Embedding.Refusal) negated = false;
            var shifted = CodeShift.Apply(modality.Embedding, code);
            if (shifted == null) { return; }
            if (shifted != code) notes?.Add($"code {code} becomes {shifted}: {modality.Embedding.ToString().ToLowerInvariant()} ({modality.Reason})");

            var (source, target, passive) = VerbRoles(verb);
            source = NamedBy(source);
            target = NamedBy(target);
            // "restored ties with Gondor", "sent rescue teams to Turkey": an object that names no actor is a theme; the
            // actor the predicate acts on is in a prepositional phrase of the verb or of that object.
            bool material = IsMaterialConflict(shifted);
            // An event noun object of a light verb ("held talks with", "made a visit to") is its own predicate: when the
            // noun codes the event, the verb does not code it again.
            if (target >= 0 && !passive && VerbClasses.IsLightVerb(lemma) && IsEventNoun(target) && CodeNounOnce(target) > 0) return;
            bool hadObject = target >= 0 && !passive;
            if (target >= 0 && !passive && (IsOwnAgent(target, source) || !ResolvesAsTarget(target, material)))
            {
                int partner = PrepositionalTarget(match.Entry, verb);
                if (partner < 0 || !ResolvesAsTarget(partner, material)) partner = PartnerTarget(verb, target, match.Entry, shifted);
                // Neither names an actor: leave the target to the fallbacks below ("agreed to restore ties": the sides).
                target = partner;
            }
            if (target < 0) target = PrepositionalTarget(match.Entry, verb);
            if (target < 0 && shifted.StartsWith("01", StringComparison.Ordinal)) target = TopicTarget(verb);
            // "arrived in China for a state visit": a visit's place, a consultation's partner, when the pattern named
            // neither ("met in Geneva" is a place, not a partner).
            if (target < 0 && shifted.StartsWith("04", StringComparison.Ordinal))
                target = shifted.StartsWith("042", StringComparison.Ordinal) ? ActorPrepositionalChild(verb, "in", "to") : ActorPrepositionalChild(verb, "with");
            // "denied that it attacked Saudi Arabia": the denied action's target is the denial's.
            if (target < 0 && shifted == "016") target = ComplementObject(verb);
            if (target < 0) target = PartnerTarget(verb, -1, match.Entry, shifted);
            // "struck targets in Syria", "shelled positions inside Ukraine": force used on a thing in a place hits that place's actor.
            if (target < 0 && hadObject && material) target = ActorPrepositionalChild(verb, "in", "inside", "near", "across");
            // "demanded that the government resign": the one asked is the complement's subject.
            if (target < 0 && shifted[..2] is "02" or "10" && _tree.Child(verb, "ccomp") is var content and >= 0) target = _tree.Child(content, "nsubj");
            if (match.Entry.Reversed) (source, target) = (target, source);
            // A subjectless tweet ("Met with families of ...") speaks for its author.
            var sourceOverride = source < 0 && _author != null && _s.Heads![verb] == 0 ? _author.Actor : null;
            // Two subjects that "signed a deal", "restored ties" or "met" act on each other; a bare pattern with a
            // theme object ("welcomed a resumption of ties", "traded insults") says nothing of the sort.
            if (source >= 0 && target < 0 && IsReciprocal(shifted) && (!hadObject || match.Entry.Constraints.Count > 0))
            {
                notes?.Insert(0, $"predicate '{_tree.Word(verb)}' ({lemma}, {_tree.Relation(verb)}), reciprocal");
                notes?.Add($"pattern {match.Provenance}");
                EmitReciprocal(verb, shifted, match, source, notes);
                return;
            }
            if ((source < 0 && sourceOverride == null) || target < 0) return;
            notes?.Insert(0, $"predicate '{_tree.Word(verb)}' ({lemma}, {_tree.Relation(verb)}){(passive ? ", passive" : "")}");
            notes?.Add($"pattern {match.Provenance}");
            var paired = match.Entry.PairedCode != null && modality.Embedding == Embedding.Asserted ? match.Entry.PairedCode : null;
            // "X spoke with Y" (041:041): CAMEO codes the subject's act; PETRARCH also codes Y's side (docs/coding.md "Conventions").
            if (paired == shifted && _coder._convention == CodingConvention.Cameo) paired = null;
            Emit(verb, shifted, paired, match, source, sourceOverride, target, negated, notes);
        }

        /// <summary>
        /// "refused to meet", "plans to visit": the complement codes the event (shifted to 12x/03x/13x) and the
        /// governor codes nothing itself, unless the governor's own pattern names the complement ("decline to comment").
        /// </summary>
        private bool ComplementCodesInstead(int verb, LexiconMatch match)
        {
            if (VerbClasses.EmbeddingOf(_tree.Lemma(verb), "xcomp") is not (Embedding.Intent or Embedding.Refusal or Embedding.Threat) ) return false;
            if (Modality.NamesComplement(match)) return false;
            int complement = _tree.Child(verb, "xcomp");
            if (complement < 0) return false;
            return VerbMatch(complement)?.Code is { } inner && CodeShift.Apply(VerbClasses.EmbeddingOf(_tree.Lemma(verb), "xcomp"), inner) != null;
        }

        /// <summary>Subject (or inherited subject) and object of a verb; a passive's by-agent and subject.</summary>
        private (int Source, int Target, bool Passive) VerbRoles(int verb)
        {
            int subject = _tree.Child(verb, "nsubj");
            int passiveSubject = _tree.Child(verb, "nsubj:pass");
            // A passive auxiliary makes the subject a patient even when the parser labels it plain nsubj.
            if (passiveSubject < 0 && subject >= 0 && _tree.Child(verb, "aux:pass") >= 0) (passiveSubject, subject) = (subject, -1);
            bool passive = passiveSubject >= 0;
            int obj = DirectObject(verb);
            if (passive) return (_tree.OblWithCase(verb, "by"), passiveSubject, true);
            // A past participle modifying a noun is passive: "Kazakhs detained by China" (the noun is the patient).
            if (_tree.Relation(verb) == "acl" && subject < 0 && _s.Xpos?[verb] == "VBN")
                return (_tree.OblWithCase(verb, "by"), _tree.Head(verb), true);
            if (subject < 0 && obj < 0 && IsPassiveConjunct(verb))
                return (_tree.OblWithCase(verb, "by"), VerbRoles(_tree.Head(verb)).Target, true);
            if (subject < 0) subject = InheritedSubject(verb, depth: 0);
            return (subject, obj, false);
        }

        /// <summary>
        /// "was criticized by France and attacked by Iraq": a bare past participle conjoined to a passive verb is
        /// passive too and shares its patient (the auxiliary is written once).
        /// </summary>
        private bool IsPassiveConjunct(int verb)
        {
            if (_tree.Relation(verb) != "conj" || _s.Xpos?[verb] != "VBN" || _tree.Child(verb, "aux") >= 0) return false;
            int governor = _tree.Head(verb);
            return governor >= 0 && _s.Upos![governor] == "VERB" && governor < verb
                && (_tree.Child(governor, "nsubj:pass") >= 0 || _tree.Child(governor, "aux:pass") >= 0);
        }

        /// <summary>The verb's object (else its indirect object), or the object it shares with the verb conjoined right after it.</summary>
        private int DirectObject(int verb)
        {
            int obj = _tree.Child(verb, "obj");
            if (obj < 0) obj = _tree.Child(verb, "iobj");
            return obj >= 0 ? obj : SharedObject(verb);
        }

        /// <summary>
        /// "denounced and sanctioned Japan", "condemned, and later expelled, the diplomats": two coordinated verbs
        /// with one object written after the second; the parser attaches it to the second verb only. Shared only
        /// when nothing but the coordination separates the verbs, the second has no subject of its own and the first
        /// takes no complement or object of its own.
        /// </summary>
        private int SharedObject(int verb)
        {
            if (_tree.Child(verb, "xcomp") >= 0 || _tree.Child(verb, "ccomp") >= 0) return -1;
            if (_tree.Child(verb, "nsubj:pass") >= 0 || _tree.Child(verb, "aux:pass") >= 0) return -1;
            foreach (int next in _tree.Children(verb))
            {
                if (next <= verb || _tree.Relation(next) != "conj") continue;
                if (_s.Upos![next] != "VERB" || _tree.Child(next, "nsubj") >= 0 || _tree.Child(next, "nsubj:pass") >= 0) return -1;
                int obj = _tree.Child(next, "obj");
                if (obj < next) return -1;
                for (int between = verb + 1; between < next; between++)
                    if (_tree.Relation(between) is not ("cc" or "punct" or "advmod") || _tree.Head(between) is var h && h != next && h != verb) return -1;
                return obj;
            }
            return -1;
        }

        /// <summary>
        /// "Old foes Gondor and Osgiliath", "the two neighbours, India and Pakistan,": a common noun that names no
        /// actor of its own stands for the names set beside it, with their conjuncts.
        /// </summary>
        private int NamedBy(int head)
        {
            if (head < 0 || _s.Upos![head] != "NOUN") return head;
            if (Name(head) is { } own && !own.Rule.StartsWith(ActorResolution.AppositionRule, StringComparison.Ordinal)) return head;
            foreach (int c in _tree.Children(head))
                if (_tree.Relation(c) is "appos" or "nmod:unmarked" && _s.Upos[c] == "PROPN" && IsActor(c)) return c;
            return head;
        }

        /// <summary>
        /// The subject a verb without its own takes from its governor: an open complement's controller ("urged
        /// Kazakhstan to join": Kazakhstan; "refused to meet": the refuser), a conjoined verb's first conjunct's
        /// subject ("denied X and criticized Y"), a participial clause's governor's subject, and an active participle's noun.
        /// </summary>
        private int InheritedSubject(int verb, int depth)
        {
            int governor = _tree.Head(verb);
            if (governor < 0 || depth > 4) return -1;
            switch (_tree.Relation(verb))
            {
                case "xcomp":
                    int governorObject = _tree.Child(governor, "obj");
                    if (governorObject >= 0) return governorObject;
                    int governorPassive = _tree.Child(governor, "nsubj:pass");
                    return governorPassive >= 0 ? governorPassive : SubjectOf(governor, depth + 1);
                case "conj":
                    return _s.Upos![governor] == "VERB" ? SubjectOf(governor, depth + 1) : -1;
                case "advcl":
                    var marker = _tree.Marker(verb);
                    return marker is null or "after" or "before" or "while" or "when" or "by" or "since" or "upon" or "in"
                        ? SubjectOf(governor, depth + 1) : -1;
                case "acl":
                    return _s.Xpos?[verb] == "VBG" ? governor : -1;
                default:
                    return -1;
            }
        }

        private int SubjectOf(int verb, int depth)
        {
            int subject = _tree.Child(verb, "nsubj");
            return subject >= 0 ? subject : InheritedSubject(verb, depth);
        }

        private VerbContext BuildContext(int verb, int subject, int obj)
        {
            var lemmas = _s.Lemmas!;
            var particles = new List<string>();
            var prepositions = new List<PrepositionalPhrase>();
            var others = new List<string>();
            foreach (int child in _tree.Children(verb))
            {
                var relation = _s.Relations![child];
                if (relation == "compound:prt") particles.Add(Lower(lemmas[child]));
                else if (relation == "obl" || relation.StartsWith("obl:", StringComparison.Ordinal))
                {
                    int marker = _tree.Child(child, "case");
                    if (marker >= 0)
                        prepositions.Add(new PrepositionalPhrase(Lower(lemmas[marker]), Lower(lemmas[child]), IsActor(child))
                        {
                            ObjectModifiers = _tree.Modifiers(child),
                        });
                }
                else if (relation is "advmod" or "aux" or "compound") others.Add(Lower(lemmas[child]));
                // "accused X of torturing protesters": a gerund clause after a preposition fills that preposition's slot.
                else if (relation == "advcl" && _tree.Marker(child) is "of" or "for" or "about" or "over" or "against" && _s.Upos![child] == "VERB")
                    prepositions.Add(new PrepositionalPhrase(_tree.Marker(child)!, Lower(lemmas[child])));
            }
            // "accused Iranian forces of torturing protesters": parsers also hang the charge on the object as its clause.
            if (obj >= 0)
                foreach (int clause in _tree.Children(obj))
                    if (_tree.Relation(clause) == "acl" && _tree.Marker(clause) is "of" or "for" && _s.Upos![clause] == "VERB")
                        prepositions.Add(new PrepositionalPhrase(_tree.Marker(clause)!, Lower(lemmas[clause])));
            int xcomp = _tree.Child(verb, "xcomp");
            // "called on Iran to release": parsers often attach the infinitive as an adverbial clause; it is the complement.
            if (xcomp < 0) xcomp = InfinitivalClause(verb);
            int ccomp = _tree.Child(verb, "ccomp");
            // "launched hundreds of drones": the pattern reads the counted thing, not the count.
            if (obj >= 0 && QuantityContent(obj) is var counted and >= 0) obj = counted;
            return new VerbContext
            {
                Particles = particles,
                Prepositions = prepositions,
                Object = obj >= 0 ? Lower(lemmas[obj]) : null,
                ObjectModifiers = obj >= 0 ? _tree.Modifiers(obj) : [],
                ObjectIsActor = obj >= 0 && IsActor(obj) && !IsOwnAgent(obj, subject),
                Xcomp = xcomp >= 0 ? Lower(lemmas[xcomp]) : null,
                Ccomp = ccomp >= 0 ? Lower(lemmas[ccomp]) : null,
                Subject = subject >= 0 ? Lower(lemmas[subject]) : null,
                SubjectIsActor = subject >= 0 && IsActor(subject),
                OtherWords = others,
                Governor = _tree.Relation(verb) is "ccomp" or "xcomp" && _tree.Head(verb) is var governor and >= 0 ? Lower(lemmas[governor]) : null,
            };
        }

        private int ActorPrepositionalChild(int verb, params string[] prepositions)
        {
            foreach (int c in _tree.Children(verb))
                if (_tree.Relation(c).StartsWith("obl", StringComparison.Ordinal) && _tree.CaseOf(c) is { } p && Array.IndexOf(prepositions, p) >= 0 && IsActor(c))
                    return c;
            return -1;
        }

        private int InfinitivalClause(int verb)
        {
            foreach (int c in _tree.Children(verb))
                if (_tree.Relation(c) == "advcl" && _tree.Marker(c) == "to" && _s.Upos![c] == "VERB") return c;
            // "ordered the ambassador to leave": parsers also hang the infinitive on an actor object as its acl.
            int obj = _tree.Child(verb, "obj");
            if (obj >= 0 && IsActor(obj))
                foreach (int c in _tree.Children(obj))
                    if (_tree.Relation(c) == "acl" && _tree.Marker(c) == "to" && _s.Upos![c] == "VERB") return c;
            return -1;
        }

        private bool IsActor(int token) => Name(token) != null;

        /// <summary>
        /// "recalled its ambassador", "withdrew their troops": an agent the subject owns, of the subject's own country,
        /// is the theme the pattern names ("* AMBASSADOR"), not a second party ("met his Uzbek counterpart" is one).
        /// </summary>
        private bool IsOwnAgent(int nominal, int subject)
        {
            if (subject < 0) return false;
            bool ownedByPronoun = false;
            foreach (int c in _tree.Children(nominal))
                if (_tree.Relation(c) == "nmod:poss" && _s.Upos![c] == "PRON") ownedByPronoun = true;
            if (!ownedByPronoun) return false;
            var own = ResolveRole(nominal).Actors;
            var subjects = ResolveRole(subject).Actors;
            return own.Count > 0 && subjects.Count > 0 && CountryOf(own[0].Code) == CountryOf(subjects[0].Code);
        }

        private static string CountryOf(string actorCode) => actorCode.Length >= 3 ? actorCode[..3] : actorCode;

        /// <summary>"hundreds of drones", "dozens of protesters", "a group of Chinese tourists": the counted noun, or -1.</summary>
        private int QuantityContent(int nominal)
        {
            if (_tree.Lemma(nominal) is not ("hundred" or "hundreds" or "thousand" or "thousands" or "dozen" or "dozens" or "million" or "millions"
                or "score" or "scores" or "number" or "lot" or "couple" or "group" or "series" or "barrage" or "wave" or "salvo" or "volley" or "handful"))
                return -1;
            foreach (int c in _tree.Children(nominal))
                if (_tree.Relation(c) == "nmod" && _tree.CaseOf(c) == "of") return c;
            return -1;
        }

        /// <summary>The actor a name heads, resolved once per token: patterns and roles ask for the same tokens repeatedly.</summary>
        private ActorResolution? Name(int token)
        {
            if (_nameResolved[token]) return _names[token];
            _nameResolved[token] = true;
            return _names[token] = _mentions.ResolveName(_s, token);
        }

        // When the winning pattern names a preposition ("meet with X"), that prepositional object is the target.
        private int PrepositionalTarget(LexiconEntry entry, int verb)
        {
            foreach (var constraint in entry.Constraints)
                // A preposition whose object the pattern names as a word ("agree on a ceasefire") marks a theme, not a target.
                if (constraint.Kind is ConstraintKind.Preposition or ConstraintKind.ParticleOrPreposition && constraint.Preposition != null
                    && (constraint.Term == null || constraint.Term.Actor != ActorSlot.None))
                    foreach (var preposition in constraint.Preposition.Split('|'))
                    {
                        int obl = _tree.OblWithCase(verb, preposition);
                        if (obl >= 0) return obl;
                    }
            return -1;
        }

        /// <summary>True when the head or one of its conjuncts gives a target actor (directly or through its owner, modifier, agent or author).</summary>
        private bool ResolvesAsTarget(int head, bool material)
        {
            foreach (int h in _tree.WithConjuncts(head))
                if (ResolveTarget(h, material).Actors.Count > 0) return true;
            return false;
        }

        /// <summary>
        /// The actor a predicate acts on when its object is a theme or it has none: the object of a prepositional
        /// phrase of the verb or of its object, in sentence order. A pattern with a target slot after the verb
        /// (PETRARCH's "RESTORE * TIES WITH +") takes any preposition; otherwise only prepositions that mark a partner,
        /// recipient or adversary count (to, with, against, toward, into, on, from; "at" for hostile acts, "fired at";
        /// "for" for cooperative ones, "a loan for Egypt"), never a place or a time ("in Geneva", "on Monday" name no actor).
        /// </summary>
        private int PartnerTarget(int verb, int obj, LexiconEntry entry, string code)
        {
            bool anyPreposition = NamesTargetAfterVerb(entry);
            // A bare pattern ("EVACUATE", "ANNOUNCE") says nothing about its object, so only prepositions that always
            // mark a partner count: "from", "on" and "for" often name an origin, topic or purpose ("evacuated nationals
            // from Sudan", "announced their withdrawal from ECOWAS"); a pattern that names the object ("* AID",
            // "* TIES") makes it the event's theme and its "from"/"on"/"for" phrase the partner ("requested aid from China").
            bool bare = entry.Constraints.Count == 0;
            int best = -1;
            foreach (int c in _tree.Children(verb))
                if (_tree.Relation(c).StartsWith("obl", StringComparison.Ordinal) && IsPartnerPhrase(c, anyPreposition, bare, code) && (best < 0 || c < best)) best = c;
            if (obj >= 0)
            {
                int inObject = ObjectPartner(obj, anyPreposition, bare, code, depth: 0);
                if (inObject >= 0 && (best < 0 || inObject < best)) best = inObject;
            }
            return best;
        }

        /// <summary>A partner phrase of the object, or of an "of" phrase inside it ("a resumption of ties <b>with Osgiliath</b>").</summary>
        private int ObjectPartner(int nominal, bool anyPreposition, bool bare, string code, int depth)
        {
            int best = -1;
            foreach (int c in _tree.Children(nominal))
            {
                if (_tree.Relation(c) != "nmod") continue;
                int found = IsPartnerPhrase(c, anyPreposition, bare, code) ? c
                    : depth < 1 && _tree.CaseOf(c) == "of" ? ObjectPartner(c, anyPreposition, bare, code, depth + 1) : -1;
                if (found >= 0 && (best < 0 || found < best)) best = found;
            }
            return best;
        }

        private bool IsPartnerPhrase(int nominal, bool anyPreposition, bool bare, string code)
        {
            if (_tree.CaseOf(nominal) is not { } preposition) return false;
            if (!anyPreposition && !IsPartnerPreposition(preposition, bare, code)) return false;
            return ResolvesAsTarget(nominal, IsMaterialConflict(code));
        }

        private static bool IsPartnerPreposition(string preposition, bool bare, string code) => preposition switch
        {
            "to" or "with" or "against" or "toward" or "towards" or "into" or "between" => true,
            "on" or "from" => !bare,
            "at" => code[..2] is "11" or "12" or "13" or "14" or "15" or "16" or "17" or "18" or "19" or "20",
            "for" => !bare && code[..2] is "03" or "04" or "05" or "06" or "07" or "08",
            _ => false,
        };

        private bool IsEventNoun(int token) => _s.Upos![token] == "NOUN" && _coder._lexicon.PatternsOf(_tree.Lemma(token), EntryKind.Noun).Count > 0;

        /// <summary>PETRARCH's "+" after the verb: the pattern says the target follows the verb, wherever it attaches.</summary>
        private static bool NamesTargetAfterVerb(LexiconEntry entry)
        {
            foreach (var constraint in entry.Constraints)
                if (constraint.Kind == ConstraintKind.After && constraint.Term?.Actor == ActorSlot.Target) return true;
            return false;
        }

        /// <summary>A statement's topic stands in for its target: "declined to comment on China's policy".</summary>
        private int TopicTarget(int verb)
        {
            int topic = _tree.PrepositionalChild(verb, "on", "about", "regarding");
            if (topic >= 0) return topic;
            int complement = _tree.Child(verb, "xcomp");
            return complement >= 0 ? _tree.PrepositionalChild(complement, "on", "about", "regarding") : -1;
        }

        private int ComplementObject(int verb)
        {
            int complement = _tree.Child(verb, "ccomp");
            if (complement < 0) complement = _tree.Child(verb, "xcomp");
            return complement >= 0 ? _tree.Child(complement, "obj") : -1;
        }

        // ---- event nouns ----------------------------------------------------------------------------------------

        /// <summary>
        /// "talks between X and Y", "X's visit to Y", "US sanctions on Y", "an airstrike by X on Y", "X held talks with
        /// Y": the noun is the predicate. Coded only when the noun is reported as real: the object of a light verb
        /// ("held", "launched") or a reaction ("condemned the airstrike"), a subject, a prepositional phrase or a
        /// headline-like root; never when asked for, planned or denied.
        /// </summary>
        private void CodeNoun(int noun)
        {
            var lemma = _tree.Lemma(noun);
            if (_coder._lexicon.PatternsOf(lemma, EntryKind.Noun).Count == 0) return;
            var context = new VerbContext { Prepositions = NounPrepositions(noun), ObjectModifiers = _tree.Modifiers(noun) };
            var match = _coder._lexicon.MatchNoun(lemma, context);
            if (match?.Code is not { } code) return;
            foreach (var modifier in _tree.Modifiers(noun))
                if (VerbClasses.IsUnrealModifier(modifier)) return;
            foreach (int c in _tree.Children(noun))
                if (_tree.Relation(c) == "det" && _tree.Lemma(c) is "no") return;

            var notes = _explain ? new List<string> { $"event noun '{_tree.Word(noun)}' ({lemma}, {_tree.Relation(noun)})" } : null;
            int source = _tree.Child(noun, "nmod:poss");
            if (source >= 0 && _s.Upos![source] == "PRON" && !IsPersonalPronoun(source)) source = -1;
            if (source < 0) source = _tree.PrepositionalChild(noun, "by");
            int target = _tree.PrepositionalChild(noun, "to", "on", "against", "with", "into", "at", "toward", "towards");
            int between = _tree.PrepositionalChild(noun, "between", "among");
            if (between >= 0 && source < 0 && target < 0)
            {
                var members = _tree.WithConjuncts(between);
                if (members.Count < 2) return;
                source = members[0];
                target = members[1];
            }
            if (source < 0 && target >= 0) source = ActorModifier(noun);

            ActorResolution? sourceOverride = null;
            var embedding = Embedding.Asserted;
            string relation = _tree.Relation(noun);
            int governor = _tree.Head(noun);
            if (relation is "obj" or "nsubj" or "nsubj:pass" && governor >= 0 && _s.Upos![governor] == "VERB")
            {
                var governorLemma = _tree.Lemma(governor);
                bool light = relation == "obj" && VerbClasses.IsLightVerb(governorLemma);
                if (relation == "obj" && !light && !VerbClasses.IsReactionVerb(governorLemma)) return;
                if (relation == "obj" && !light) { /* a reaction asserts the event it reacts to */ }
                else
                {
                    if (_tree.IsNegated(governor) && _coder._convention == CodingConvention.Cameo) return;
                    var modality = Modality.Assess(_tree, governor, g => VerbMatch(g), _coder._convention, notes);
                    if (modality.Suppressed) return;
                    embedding = modality.Embedding;
                }
                if (light)
                {
                    notes?.Add($"light verb '{_tree.Word(governor)}'");
                    if (source < 0) source = VerbRoles(governor).Source;
                    if (target < 0) target = _tree.PrepositionalChild(governor, "with", "on", "against", "to", "at", "into");
                }
                // "resumed talks on climate cooperation": a topic that names no actor is no target; the subject's sides may still be.
                if (target >= 0 && !ResolvesAsTarget(target, IsMaterialConflict(code))) target = -1;
            }
            else if (relation is not ("root" or "obl" or "nmod" or "obl:tmod" or "conj" or "appos" or "nmod:poss") && !relation.StartsWith("obl", StringComparison.Ordinal))
                return;
            if (relation == "root" && source < 0 && _author != null) sourceOverride = _author.Actor;
            var shifted = CodeShift.Apply(embedding, code);
            if (shifted == null) return;
            if (source >= 0 && target < 0 && IsReciprocal(shifted))
            {
                notes?.Add($"pattern {match.Provenance}, reciprocal");
                EmitReciprocal(noun, shifted, match, source, notes);
                return;
            }
            if ((source < 0 && sourceOverride == null) || target < 0) return;
            if (shifted != code) notes?.Add($"code {code} becomes {shifted}: {embedding.ToString().ToLowerInvariant()}");
            notes?.Add($"pattern {match.Provenance}");
            Emit(noun, shifted, null, match, source, sourceOverride, target, negated: false, notes);
        }

        private IReadOnlyList<PrepositionalPhrase> NounPrepositions(int noun)
        {
            var list = new List<PrepositionalPhrase>();
            foreach (int c in _tree.Children(noun))
            {
                if (!_tree.Relation(c).StartsWith("nmod", StringComparison.Ordinal) || _tree.Relation(c) == "nmod:poss") continue;
                if (_tree.CaseOf(c) is { } preposition) list.Add(new PrepositionalPhrase(preposition, _tree.Lemma(c), IsActor(c)));
            }
            return list;
        }

        /// <summary>"US sanctions on Iran", "an Israeli airstrike on Gaza": an actor-naming modifier is the source.</summary>
        private int ActorModifier(int noun)
        {
            foreach (int c in _tree.Children(noun))
                if (_tree.Relation(c) is "compound" or "amod" && _s.Upos![c] is "PROPN" or "ADJ" && IsActor(c)) return c;
            return -1;
        }

        private bool IsPersonalPronoun(int token) => _tree.Lemma(token) is "he" or "she" or "we" or "i" or "they" or "it";

        // ---- actors and events ----------------------------------------------------------------------------------

        private void Emit(int predicate, string code, string? pairedCode, LexiconMatch match, int source, ActorResolution? sourceOverride, int target,
            bool negated, List<string>? notes)
        {
            if (_coder._ontology.Lookup(code) is not { } type) return;
            var sourceHeads = source >= 0 ? _tree.WithConjuncts(source) : [-1];
            foreach (int sourceHead in sourceHeads)
            {
                var (sourceActors, sourceHow) = sourceHead >= 0 ? ResolveRole(sourceHead) : ([sourceOverride!], _author!.Describe());
                foreach (var sourceActor in sourceActors)
                    foreach (int targetHead in _tree.WithConjuncts(target))
                    {
                        var (targetActors, targetHow, targetWord) = ResolveTarget(targetHead, IsMaterialConflict(code));
                        foreach (var resolvedTarget in targetActors)
                        {
                            var targetActor = Counterpart(targetHead, resolvedTarget, sourceActor);
                            if (targetActor.Code == sourceActor.Code) continue;
                            List<string>? explain = null;
                            if (notes != null)
                            {
                                explain = [.. notes];
                                explain.Add($"source '{(sourceHead >= 0 ? _tree.Word(sourceHead) : _author!.Text)}' -> {sourceActor.Code} ({sourceHow}; {sourceActor.Rule}: {sourceActor.Explanation})");
                                explain.Add($"target '{_tree.Word(targetWord)}' -> {targetActor.Code} ({targetHow}; {targetActor.Rule}: {targetActor.Explanation})");
                                explain.Add("path: " + (sourceHead >= 0 ? _tree.PathText(sourceHead, targetWord) : "(author) " + _tree.PathText(predicate, targetWord)));
                            }
                            var e = _coder._setting.Apply(BuildEvent(predicate, negated, match, sourceHead, sourceActor, targetWord, targetActor, sourceHow, explain),
                                _doc, _index, predicate, sourceHead, targetWord);
                            Add(e.WithEventType(type));
                            // A paired code ("visit" 042:043) also codes the target's side with the roles swapped.
                            if (pairedCode != null && _coder._ontology.Lookup(pairedCode) is { } pairedType)
                                Add((e with
                                {
                                    Source = e.Target, Target = e.Source, SourceName = e.TargetName, TargetName = e.SourceName,
                                    SourceText = e.TargetText, TargetText = e.SourceText,
                                }).WithEventType(pairedType));
                        }
                    }
            }
        }

        /// <summary>
        /// "met his Chinese counterpart": a counterpart holds the source's office (government, military, police,
        /// legislature, judiciary) in the country its modifier names.
        /// </summary>
        private ActorResolution Counterpart(int head, ActorResolution target, ActorResolution source)
        {
            if (_tree.Lemma(head) != "counterpart" || target.Code.Length != 3 || source.Code.Length != 6) return target;
            var office = source.Code[3..];
            if (office is not ("GOV" or "MIL" or "COP" or "LEG" or "JUD")) return target;
            return target with
            {
                Code = target.Code + office,
                Rule = target.Rule + ":counterpart",
                Explanation = $"counterpart of the source's office {office}; {target.Explanation}",
            };
        }

        /// <summary>
        /// Cooperation and fighting need no object when the subject names both sides ("Japan and Korea signed a
        /// deal", "Indonesian and Malaysian officials held talks", "the two armies clashed"): each side to each other.
        /// </summary>
        /// <summary>Roots 18-20: assault, fight, mass violence.</summary>
        private static bool IsMaterialConflict(string code) => code[..2] is "18" or "19" or "20";

        private static bool IsReciprocal(string code) => code[..2] is "03" or "04" or "05" or "06" or "19";

        private void EmitReciprocal(int predicate, string code, LexiconMatch match, int source, List<string>? notes)
        {
            if (_coder._ontology.Lookup(code) is not { } type) return;
            var sides = new List<(int Head, ActorResolution Actor)>();
            foreach (int head in _tree.WithConjuncts(source))
                foreach (var actor in ResolveRole(head).Actors)
                    if (!sides.Exists(x => x.Actor.Code == actor.Code)) sides.Add((head, actor));
            if (sides.Count < 2) return;
            foreach (var (sourceHead, sourceActor) in sides)
                foreach (var (targetHead, targetActor) in sides)
                {
                    if (sourceActor.Code == targetActor.Code) continue;
                    List<string>? explain = notes == null ? null :
                        [.. notes, $"sides: {sourceActor.Code} '{_tree.Word(sourceHead)}' and {targetActor.Code} '{_tree.Word(targetHead)}' ({sourceActor.Rule}; {targetActor.Rule})",
                            "path: " + _tree.PathText(sourceHead, predicate)];
                    var e = BuildEvent(predicate, negated: false, match, sourceHead, sourceActor, targetHead, targetActor, "subject", explain);
                    Add(_coder._setting.Apply(e, _doc, _index, predicate, sourceHead, targetHead).WithEventType(type));
                }
        }

        private void Add(CodedEvent e)
        {
            e = EventIds.WithId(e);
            if (_seen.Add(e.EventId)) _events.Add(e);
        }

        /// <summary>
        /// The actors a role head stands for: a pronoun's referent, a relative pronoun's noun, the name itself, and
        /// one actor per conjoined country modifier ("US and British activists").
        /// </summary>
        private (List<ActorResolution> Actors, string How) ResolveRole(int head)
        {
            var (actor, how) = ResolveMention(head);
            if (actor == null) return ([], how);
            var actors = new List<ActorResolution> { actor };
            AddConjoinedModifierActors(head, actor, actors);
            return (actors, how);
        }

        private (List<ActorResolution> Actors, string How, int Word) ResolveTarget(int head, bool material)
        {
            var (actors, how) = ResolveRole(head);
            if (actors.Count > 0) return (actors, how, head);
            if (QuantityContent(head) is var counted and >= 0 && ResolveRole(counted) is { Actors.Count: > 0 } byCount)
                return (byCount.Actors, "counted in '" + _tree.Word(head) + "'; " + byCount.How, counted);
            // "bombed a building in Gaza City", "shelled a hospital in Kharkiv": force used on a place hits its country.
            if (material && _tree.PrepositionalChild(head, "in", "near", "across") is var place and >= 0 && ResolveRole(place) is { Actors.Count: > 0 } byPlace)
                return (byPlace.Actors, "place of '" + _tree.Word(head) + "'; " + byPlace.How, place);
            // "criticized Pompeo's remarks", "denied Washington's allegations": the owner of a non-actor target is the target;
            // "rejected the U.S. accusations": so is an actor-naming modifier.
            // "met his Chinese counterpart": a possessive pronoun names the source's side; the country modifier the other.
            int owner = _tree.Child(head, "nmod:poss");
            int modifier = ActorModifier(head);
            if (owner >= 0 && !(modifier >= 0 && _s.Upos![owner] == "PRON") && ResolveWithConjuncts(owner) is { Actors.Count: > 0 } byOwner)
                return (byOwner.Actors, "owner of '" + _tree.Word(head) + "'; " + byOwner.How, owner);
            if (modifier >= 0 && ResolveRole(modifier) is { Actors.Count: > 0 } byModifier) return (byModifier.Actors, "modifier of '" + _tree.Word(head) + "'; " + byModifier.How, modifier);
            // "the sanctions imposed by Britain": the agent of a participle modifying the target.
            foreach (int c in _tree.Children(head))
                if (_tree.Relation(c) == "acl" && _tree.OblWithCase(c, "by") is var agent and >= 0 && ResolveWithConjuncts(agent) is { Actors.Count: > 0 } byAgent)
                    return (byAgent.Actors, "agent of '" + _tree.Word(c) + "'; " + byAgent.How, agent);
            // "the allegations by Japan", "calls from France and Russia": the authors of a non-actor topic.
            int author = _tree.PrepositionalChild(head, "by", "from");
            if (author >= 0 && ResolveWithConjuncts(author) is { Actors.Count: > 0 } byAuthor) return (byAuthor.Actors, "author of '" + _tree.Word(head) + "'; " + byAuthor.How, author);
            return ([], how, head);
        }

        /// <summary>The actors of a role word and of the names conjoined to it ("from France and Russia": both).</summary>
        private (List<ActorResolution> Actors, string How) ResolveWithConjuncts(int head)
        {
            var (actors, how) = ResolveRole(head);
            foreach (int conjunct in _tree.WithConjuncts(head))
            {
                if (conjunct == head) continue;
                foreach (var actor in ResolveRole(conjunct).Actors)
                    if (!actors.Exists(a => a.Code == actor.Code)) actors.Add(actor);
            }
            return (actors, how);
        }

        private (ActorResolution? Actor, string How) ResolveMention(int head)
        {
            string relation = _tree.Relation(head);
            string how = relation;
            if (_s.Upos![head] == "PRON")
            {
                var word = _tree.Word(head).ToLowerInvariant();
                switch (word)
                {
                    case "i" or "me" or "my" or "we" or "us" or "our":
                        return Speaker(head) is { } speaker ? (speaker.Actor, speaker.How) : (null, "first person without a speaker");
                    case "who" or "which" or "that" or "whom" or "whose":
                        int clause = _tree.Head(head);
                        if (clause >= 0 && _tree.Relation(clause) == "acl:relcl" && _tree.Head(clause) is var noun and >= 0)
                            return (Name(noun), $"relative pronoun for '{_tree.Word(noun)}'");
                        return (null, "relative pronoun");
                    case "he" or "him" or "his" or "she" or "her":
                        if (ReportingSubject(head) is { } reporter && reporter != head) return ResolveMention(reporter) is { Actor: not null } r ? (r.Actor, "reported speaker; " + r.How) : (null, "pronoun");
                        return (_mentions.PronounAntecedent(_index, head), "pronoun");
                    case "it" or "its" or "they" or "them" or "their":
                        if (ReportingSubject(head) is { } subject && subject != head && _s.Upos[subject] != "PRON")
                            return (Name(subject), "reported speaker");
                        // "China criticized Japan. It also accused ...": a subject "it" is the last country or organisation subject.
                        if (word == "it" && _tree.IsSubjectRelation(head)) return (_mentions.ThingAntecedent(_index, head), "pronoun");
                        return (null, "pronoun without a reporting antecedent");
                    default:
                        return (null, "pronoun");
                }
            }
            return (Name(head), how);
        }

        /// <summary>The subject of the reporting verb whose clausal complement contains <paramref name="token"/> as its subject.</summary>
        private int? ReportingSubject(int token)
        {
            if (!_tree.IsSubjectRelation(token)) return null;
            int clause = _tree.Head(token);
            if (clause < 0 || _tree.Relation(clause) != "ccomp") return null;
            int reporter = _tree.Head(clause);
            if (reporter < 0 || !VerbClasses.IsReporting(_tree.Lemma(reporter))) return null;
            int subject = _tree.Child(reporter, "nsubj");
            return subject >= 0 ? subject : null;
        }

        /// <summary>Who speaks a first-person word: the subject of the reporting verb of its quote, else the tweet's author.</summary>
        private (ActorResolution Actor, string How)? Speaker(int token)
        {
            for (int node = token, depth = 0; node >= 0 && depth < 12; node = _tree.Head(node), depth++)
            {
                int governor = _tree.Head(node);
                if (governor < 0) break;
                if (_tree.Relation(node) is "ccomp" or "parataxis" && VerbClasses.IsReporting(_tree.Lemma(governor)))
                {
                    int subject = _tree.Child(governor, "nsubj");
                    if (subject >= 0 && subject != token && ResolveMention(subject) is { Actor: { } actor } found)
                        return (actor, $"quote speaker '{_tree.Word(subject)}' of '{_tree.Word(governor)}'; {found.How}");
                    return null;
                }
            }
            // The parse did not put the quote under its reporting verb: the quote marks do.
            int reporting = QuotedSpeech.ReportingVerbOutside(_tree, token);
            if (reporting >= 0 && _tree.Child(reporting, "nsubj") is var speaker && speaker != token && ResolveMention(speaker) is { Actor: { } quoted } byMarks)
                return (quoted, $"quote speaker '{_tree.Word(speaker)}' of '{_tree.Word(reporting)}' (quote marks); {byMarks.How}");
            if (_author != null) return (_author.Actor, _author.Describe());
            return null;
        }

        /// <summary>"US and British activists": the conjoined country modifier gives its own actor with the same agent.</summary>
        private void AddConjoinedModifierActors(int head, ActorResolution actor, List<ActorResolution> actors)
        {
            if (actor.Code.Length < 3 || actor.Rule != ActorResolution.AgentCountryRule) return;
            foreach (int modifier in _tree.Children(head))
            {
                // "US and British activists"; "the ambassadors of France, Italy and Spain".
                if (_tree.Relation(modifier) is not ("amod" or "compound") && !(_tree.Relation(modifier) == "nmod" && _tree.CaseOf(modifier) == "of")) continue;
                foreach (int conjunct in _tree.Children(modifier))
                {
                    if (_tree.Relation(conjunct) != "conj") continue;
                    var country = CountryOf(conjunct);
                    if (country == null || actor.Code.StartsWith(country, StringComparison.Ordinal)) continue;
                    var own = CountryOf(modifier);
                    if (own == null || !actor.Code.StartsWith(own, StringComparison.Ordinal)) continue;
                    actors.Add(actor with { Code = country + actor.Code[own.Length..], Rule = actor.Rule + ":conjunct", Explanation = $"conjoined modifier '{_tree.Word(conjunct)}' ({country}) with the agent of {actor.Explanation}" });
                }
            }
        }

        private string? CountryOf(int token)
        {
            // The country table first: it gives a demonym shared by several countries to the sovereign state.
            var countries = _coder._resolver.Countries;
            var text = _tree.Word(token);
            if ((countries.ByName(text) ?? countries.ByDemonym(text))?.Iso3 is { } known) return known;
            if (_s.Demonyms?[token] is { Length: 3 } d && char.IsUpper(d[0])) return d;
            // A name the actor dictionaries give a bare country code (the dictionaries know more states than the table).
            return _s.Upos![token] == "PROPN" && Name(token) is { Code.Length: 3 } named
                && named.Rule is ActorResolution.DictionaryRule or ActorResolution.CountryRule && char.IsLetter(named.Code[0]) ? named.Code : null;
        }

        private CodedEvent BuildEvent(int predicate, bool negated, LexiconMatch match, int sourceHead, ActorResolution source, int targetHead,
            ActorResolution target, string sourceHow, List<string>? explain)
        {
            var text = _doc.Text;
            var tokens = _s.Tokens;
            // Names come from the resolution's own tokens, which for a pronoun or speaker may lie in another sentence.
            string DisplayName(ActorResolution a, int head) =>
                a.Rule.StartsWith(DocumentMentions.PronounRule, StringComparison.Ordinal) || a.Rule.StartsWith(DocumentMentions.ThingPronounRule, StringComparison.Ordinal) || head < 0 || a.End > tokens.Length || a.Start >= a.End
                    ? (head >= 0 ? _tree.Word(head) : _author?.Text ?? "")
                    : Slice(text, tokens, a.Start, a.End);
            var speaker = sourceHead < 0 || sourceHow.Contains("speaker", StringComparison.Ordinal) || sourceHow.Contains("tweet author", StringComparison.Ordinal)
                ? "; speaker " + sourceHow : "";
            return new CodedEvent
            {
                DocId = _doc.Document.Id,
                SentenceIndex = _index,
                Date = _doc.Document.Date == DateOnly.MinValue ? null : _doc.Document.Date.ToString("yyyy-MM-dd"),
                Source = source.Code,
                Target = target.Code,
                SourceName = sourceHead >= 0 && _s.Upos![sourceHead] != "PRON" ? DisplayName(source, sourceHead) : sourceHead >= 0 ? _tree.Word(sourceHead) : _author?.Text,
                TargetName = _s.Upos![targetHead] != "PRON" ? DisplayName(target, targetHead) : _tree.Word(targetHead),
                // A tweet's author is named on its attribution line, not in the sentence: no source text.
                SourceText = sourceHead >= 0 ? _tree.PhraseText(text, sourceHead) : null,
                TargetText = _tree.PhraseText(text, targetHead),
                VerbText = tokens[predicate].Text,
                Sentence = _s.TextOf(text),
                // The evidence span is the whole sentence (document character offsets).
                CharStart = _s.Start,
                CharEnd = _s.End,
                Negated = negated,
                Confidence = Confidence(match.Entry, source, target),
                Rule = $"{match.Provenance}; source {source.Rule}; target {target.Rule}{speaker}",
                Explain = explain,
            };
        }
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
}
