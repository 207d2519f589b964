using Dyad.Nlp.Parsing;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Tests.Parsing;

/// <summary>A handful of hand-written UD trees (our own sentences) for training tests.</summary>
internal static class TinyTreebank
{
    public const string Text = """
# sent_id = t1
# text = The minister urged Kazakhstan to join the talks.
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	urged	urge	VERB	VBD	_	0	root	_	_
4	Kazakhstan	Kazakhstan	PROPN	NNP	_	3	obj	_	_
5	to	to	PART	TO	_	6	mark	_	_
6	join	join	VERB	VB	_	3	xcomp	_	_
7	the	the	DET	DT	_	8	det	_	_
8	talks	talk	NOUN	NNS	_	6	obj	_	SpaceAfter=No
9	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
# text = Rebels attacked a convoy near the border on Monday.
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	a	a	DET	DT	_	4	det	_	_
4	convoy	convoy	NOUN	NN	_	2	obj	_	_
5	near	near	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	border	border	NOUN	NN	_	4	nmod	_	_
8	on	on	ADP	IN	_	9	case	_	_
9	Monday	Monday	PROPN	NNP	_	2	obl:tmod	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t3
# text = The president's spokesman said talks would resume.
1	The	the	DET	DT	_	2	det	_	_
2	president	president	NOUN	NN	_	4	nmod:poss	_	SpaceAfter=No
3	's	's	PART	POS	_	2	case	_	_
4	spokesman	spokesman	NOUN	NN	_	5	nsubj	_	_
5	said	say	VERB	VBD	_	0	root	_	_
6	talks	talk	NOUN	NNS	_	8	nsubj	_	_
7	would	would	AUX	MD	_	8	aux	_	_
8	resume	resume	VERB	VB	_	5	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	.	_	5	punct	_	_

# sent_id = t4
# text = Police arrested two men who had fired at protesters.
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	two	two	NUM	CD	_	4	nummod	_	_
4	men	man	NOUN	NNS	_	2	obj	_	_
5	who	who	PRON	WP	_	7	nsubj	_	_
6	had	have	AUX	VBD	_	7	aux	_	_
7	fired	fire	VERB	VBN	_	4	acl:relcl	_	_
8	at	at	ADP	IN	_	9	case	_	_
9	protesters	protester	NOUN	NNS	_	7	obl	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t5
# text = Both sides signed and ratified the ceasefire.
1	Both	both	DET	DT	_	2	det	_	_
2	sides	side	NOUN	NNS	_	3	nsubj	_	_
3	signed	sign	VERB	VBD	_	0	root	_	_
4	and	and	CCONJ	CC	_	5	cc	_	_
5	ratified	ratify	VERB	VBD	_	3	conj	_	_
6	the	the	DET	DT	_	7	det	_	_
7	ceasefire	ceasefire	NOUN	NN	_	3	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_

""";

    public static List<ConlluSentence> Records() => ConlluReader.Read(new StringReader(Text), "tiny").ToList();

    public static List<ParserTrainingSentence> Sentences() =>
        Records().Select(s => ParserTrainingSentence.FromConllu(s, "tiny")).ToList();
}
