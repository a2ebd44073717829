"""Who said what: direct quotes, transcript turns and reported speech, each with its cue and speaker.

Direct quotes are found from the quotation marks themselves (``quotemarks``:
every convention of English news, one paragraph at a time). Quoted titles
("the "Comprehensive Strategic Partnership Treaty"", on "Face the Nation")
and single quoted words (a "quack" cure) are names and terms, not quotes.

A quote's speaker is the subject of the reporting verb in its sentence
("..., Kim said Monday", "Kirby said, "..."", "described X as "...""; a
verb that denies speech, "has not said", is none); a quote with no cue of
its own that follows another quote of the same paragraph ("'...,' he said.
'...'"), or continues one over a paragraph break, keeps its speaker. Without
a cue, a name a dash credits after the quote ("…” ― Jane Roe"), or a colon
introduces before it ("Jane Roe, The Daily: “…”", a paragraph ending "Roe
wrote:"), is the speaker. A short quoted phrase with no reporting verb
belongs to the subject of the verb it sits under. An interview's
"HOST: ..." / "GUEST: ..." paragraphs are turns, each quoted from its label.

Reported speech is in ``reported``. Pronouns and names are resolved to
entities by the caller.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .antecedents import antecedent, is_pronoun, named_speakers
from .attribution import is_speech_cue, speaker_span
from .quotemarks import continues, paragraphs, quoted_spans
from .reported import find_reported_speech
from .speakers import FoundQuote, cue_words, governing_subject, negated, speaker_of
from .spans import doc_text, ents_in

# A quoted run of capitalised words this short is a title or a name, not a quote.
_TITLE_MAX_WORDS = 8
# Words of the longest title read as one when all its words are capitalised (award and programme names).
_LONG_TITLE_MAX_WORDS = 14


# Short words a title leaves in lower case ("Face the Nation", "Out of Africa").
_TITLE_MINOR_WORDS = frozenset("a an the and or of in on at to for by with from".split())
# Words before an opening mark that make a capitalised run a title: on "Face the Nation," in "The Ledger".
_TITLE_BEFORE = frozenset("on in to of".split())
# Words before an opening mark that make any short phrase a name or a term: a film called
# "The Long Tide", the so-called "harbour tax", voted "best in show".
_NAMING_WORDS = frozenset("called titled entitled named dubbed nicknamed voted so-called".split())
# Words before an opening mark that, with a noun after the closing one, make the quoted
# words a modifier in a noun phrase: a "quack" cure, the "rogue wave" warning.
_DETERMINERS = frozenset("a an the this that its his her their our your".split())
# Verbs whose complement is a name or a title, wherever it stands after them.
_NAMING_VERBS = frozenset("title entitle name dub nickname vote crown".split())
# The longest quoted phrase read as a term.
_TERM_MAX_WORDS = 4


def _is_name_or_term(span: Span, before: str) -> bool:
    """A quoted title, nickname or term rather than speech ("The Big Lebowski.", "Deep Throat,",
    a "rogue wave" warning, a "quack" cure): no verb in it, and either its words are capitalised
    like a title's (a lone word only if it is a name; up to ``_LONG_TITLE_MAX_WORDS`` words
    for an award's or programme's name), or a naming word introduces it, or it modifies a
    noun after it (a determiner before and a noun after, or the parse says so), or it is one
    word that ends no clause. "described the plan as a "reckless gamble"" stays a quote."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > _LONG_TITLE_MAX_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in span):
        return False
    capitalised = words[0].text[0].isupper() or words[0].lower_ in _TITLE_MINOR_WORDS
    capitalised = capitalised and all(t.text[0].isupper() or t.lower_ in _TITLE_MINOR_WORDS for t in words)
    if len(words) > _TITLE_MAX_WORDS:
        return capitalised  # a nomination for "Best Score for a Drama or a Limited Series"
    before = before.lower()
    if before in _NAMING_WORDS:
        return True
    head = span.root.head
    if not span.start <= head.i < span.end and head.lemma_.lower() in _NAMING_VERBS:
        return True  # named him their "angler of the year", voted it "best in show"
    after = next((t for t in span.doc[span.end : span.end + 3] if not t.is_punct or t.text in ".,;:!?"), None)
    if before in _DETERMINERS and len(words) <= _TERM_MAX_WORDS and after is not None and after.pos_ in {"NOUN", "PROPN"}:
        return True
    if len(words) <= _TERM_MAX_WORDS and (_modifies_noun_after(span) or _hyphenated_term(span)):
        return True  # a "drive-by", or unknown, flaw; "Copper Lantern" director Ann Roe
    if capitalised:
        return len(words) > 1 or words[0].pos_ == "PROPN" or before in _TITLE_BEFORE
    return len(words) == 1 and not span.text.rstrip().endswith((".", ",", "!", "?", ":", ";"))


def _modifies_noun_after(span: Span) -> bool:
    """Whether the quoted words stand before a noun as its modifier (the parser's compound,
    adjective or nominal modifier of a noun after the closing mark): a term or a title
    used as a label, not something said."""
    root, head = span.root, span.root.head
    return root.dep_ in {"amod", "compound", "nmod"} and head.i >= span.end and head.pos_ in {"NOUN", "PROPN"}


def _hyphenated_term(span: Span) -> bool:
    """One compound of words joined by hyphens ("drive-by", "stop - and - search") that is
    no verb's object or complement: a technical term in marks ("called it "half-baked""
    stays a quote)."""
    tokens = [t for t in span if not (t.is_punct and t.text in ".,;:!?")]
    hyphens = [t for t in tokens if t.text == "-"]
    if not hyphens or any(not (t.is_alpha or t.text == "-") for t in tokens):
        return False
    if any(a.text == "-" and b.text == "-" for a, b in zip(tokens, tokens[1:])) or tokens[0].text == "-" or tokens[-1].text == "-":
        return False
    alone = all(t.text == "-" for t in tokens[1::2]) and all(t.is_alpha for t in tokens[::2])
    root = span.root
    said = root.dep_ in _COMPLEMENTS and root.head.pos_ in {"VERB", "AUX"} and not span.start <= root.head.i < span.end
    return alone and not said


# What a verb takes as what someone said something was ("called it "half-baked"").
_COMPLEMENTS = frozenset({"oprd", "dobj", "attr", "acomp", "xcomp", "ccomp", "advcl"})


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _cue_for(doc: Doc, quote: Span) -> Token | None:
    """The reporting verb of a quote: in its sentences, outside it, nearest first."""
    sentences = {quote.start: quote[0].sent, quote.end - 1: quote[-1].sent}
    candidates = []
    for sentence in {(s.start, s.end): s for s in sentences.values()}.values():
        for token in sentence:
            if quote.start <= token.i < quote.end or not is_speech_cue(token) or negated(token):
                continue
            distance = quote.start - token.i if token.i < quote.start else token.i - quote.end + 1
            candidates.append((distance, token.i))
    return doc[min(candidates)[1]] if candidates else None


def _word_before(text: str, start: int) -> str:
    """The word before the quotation mark that opens at ``start - 1`` (or two before, for '')."""
    words = text[max(0, start - 40) : max(0, start - 1)].split()
    return words[-1].strip("''`\"“„«") if words else ""


# Dashes that credit a quote to a name after it ("…” ― Jane Roe").
_CREDIT_DASHES = "―—–-"
# Labels of the names a quote can be credited to.
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _dash_credit(doc: Doc, text: str, end: int) -> Span | None:
    """ "“…” ― Jane Roe": the name a dash after the closing mark credits the quote to."""
    rest = text[end : end + 12]
    stripped = rest.lstrip("”\"'’» ")
    if not stripped or stripped[0] not in _CREDIT_DASHES:
        return None
    dash = end + len(rest) - len(stripped)
    line_end = text.find("\n", dash)
    after = doc.char_span(dash, line_end if line_end >= 0 else len(text), alignment_mode="expand")
    if after is None:
        return None
    names = [e for e in ents_in(after) if e.label_ in _SPEAKER_LABELS and dash < e.start_char
             and not text[dash + 1 : e.start_char].strip(" ―—–-")]
    return names[0] if names else None


def _colon_introducer(doc: Doc, text: str, start: int) -> tuple[str, Span] | None:
    """ "Jane Roe, The Daily: “…”", or "Roe wrote:" closing the paragraph before: the speaker
    a colon just before the quote introduces (the subject of a speech verb there, else the
    first person named before the colon, else the last organisation)."""
    before = text[:max(0, start - 1)].rstrip(" \n\"“„«`'")
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sentence = colon[0].sent
    cues = [t for t in sentence if t.i < colon.start and is_speech_cue(t) and not negated(t)]
    if cues and (speaker := speaker_of(cues[-1])) is not None:
        return cue_words(cues[-1]), speaker
    # "Ines Vardo, editor of The Harbour Ledger:": the person, not the body named after them.
    names = [e for e in ents_in(sentence) if e.end <= colon.start and e.label_ in {"PERSON", "ORG"}]
    people = [e for e in names if e.label_ == "PERSON"]
    return ("colon", people[0] if people else names[-1]) if names else None


# A speaker's label in a transcript: one to four capitalised words before a colon ("HOST:", "JANE ROE:").
_TURN = re.compile(r"([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+(\S)")
# Turns a document needs, by two speakers at least, to read as a transcript.
_MIN_TURNS = 2
# Labels before a colon that head a note or the page, not a speaker's turn.
_NOT_SPEAKERS = frozenset({"note", "update", "editor's note", "correction", "source", "transcript", "watch", "listen"})


def transcript_turns(doc: Doc) -> list[FoundQuote]:
    """An interview as speaker turns: paragraphs opening "HOST: ..." / "GUEST: ...". A text needs
    at least two such turns by two different labels, so "Note:" or a dateline stays text."""
    text = doc_text(doc)
    turns = []
    for para_start, para_end in paragraphs(text):
        match = _TURN.match(text, para_start, para_end)
        if match is None or match.group(1).lower() in _NOT_SPEAKERS:
            continue
        label = doc.char_span(para_start, para_start + len(match.group(1)), alignment_mode="expand")
        content_start, content_end = match.start(2), para_start + len(text[para_start:para_end].rstrip())
        if label is not None and content_end > content_start:
            turns.append(FoundQuote(content_start, content_end, text[content_start:content_end], True, "transcript", label))
    if len(turns) < _MIN_TURNS or len({q.speaker.text.lower() for q in turns if q.speaker is not None}) < 2:
        return []
    opening = min(q.speaker.start_char for q in turns if q.speaker is not None)
    named = {role: _introduced(doc, opening, cues) for role, cues in _ROLE_INTRODUCTIONS.items()}
    return [
        FoundQuote(q.start, q.end, q.text, q.direct, q.cue, named.get(_ROLE_LABELS.get(q.speaker.text.lower(), "")) or q.speaker)
        if q.speaker is not None else q
        for q in turns
    ]


# Transcript labels that name a part, not a person: "HOST:", "GUEST:".
_ROLE_LABELS = {
    "host": "host", "presenter": "host", "anchor": "host", "interviewer": "host", "moderator": "host", "q": "host",
    "guest": "guest", "interviewee": "guest", "a": "guest",
}
# How a transcript's introduction names who plays each part ("presented by X", "an interview with X").
_ROLE_INTRODUCTIONS = {
    "host": re.compile(r"(?:presented|hosted|moderated|conducted) by|\b(?:host|presenter|anchor|moderator)", re.I),
    "guest": re.compile(r"(?:interview|conversation|talk|talks|spoke|speaks|speaking) (?:with|to)|joined by", re.I),
}
# Words between such a phrase and the name: titles ("an interview with Health Minister X").
_TITLE_WORDS = re.compile(r"\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")


def _introduced(doc: Doc, before: int, cues: re.Pattern[str]) -> Span | None:
    """The one person the text before ``before`` introduces with ``cues`` ("presented by
    Maria Dahl"), as a span of the doc; None when no one, or more than one, is."""
    text = doc_text(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.end_char > before:
            continue
        window = text[max(0, ent.start_char - 80) : ent.start_char]
        if any(_TITLE_WORDS.fullmatch(window, m.end()) for m in cues.finditer(window)):
            found.append(ent)
    return found[0] if len({e.text for e in found}) == 1 else None


# A paragraph opening with a dash and a space is a line of dialogue ("― It was worse, said Ann.").
_DIALOGUE_DASH = re.compile(r"[―—–]\s+")
# Verbs of a dialogue line's credit beyond the speech verbs: "answered", "replied", "shouted".
_DIALOGUE_VERBS = frozenset({"answer", "reply", "ask", "shout", "whisper", "cry", "retort", "respond", "call"})


def dialogue_lines(doc: Doc) -> list[FoundQuote]:
    """Lines of dialogue set off by a leading dash, each up to its credit: "― The ice came
    early, said the elder, Tomas Vik." quotes "The ice came early" from Tomas Vik.
    A dashed paragraph with no credit ("― a list item") is no quote."""
    text = doc_text(doc)
    lines = []
    for para_start, para_end in paragraphs(text):
        opening = _DIALOGUE_DASH.match(text, para_start, para_end)
        if opening is None:
            continue
        words = _tokens_in(doc, opening.end(), para_end)
        if words is None:
            continue
        for token in words:
            before = doc[token.i - 1] if token.i > words.start else None
            if before is None or before.text not in {",", "?", "!"}:
                continue
            if not (is_speech_cue(token) or token.lemma_.lower() in _DIALOGUE_VERBS) or token.pos_ not in {"VERB", "AUX"}:
                continue
            end = before.idx + (len(before.text) if before.text != "," else 0)
            content = text[opening.end() : end].rstrip()
            if content:
                credit = _dialogue_credit(token, words.end)
                lines.append(FoundQuote(opening.end(), opening.end() + len(content), content, True, cue_words(token),
                                        credit or speaker_of(token)))
            break
    return lines


def _dialogue_credit(verb: Token, end: int) -> Span | None:
    """Who a dialogue line's credit names after its verb: the person named last, or the
    capitalised words after its last comma ("said the elder, Tomas Vik"), else the
    noun after the verb ("asked his son"); None when there is none."""
    doc = verb.doc
    credit = doc[verb.i + 1 : end]
    names = [e for e in ents_in(credit) if e.label_ == "PERSON"]
    if names:
        return names[-1]
    comma = max((t.i for t in credit if t.text == ","), default=None)
    if comma is not None:
        tail = [t for t in doc[comma + 1 : end] if not t.is_punct]
        if tail and all(t.text[:1].isupper() for t in tail):
            return doc[tail[0].i : tail[-1].i + 1]
    noun = next((c for c in verb.rights if c.dep_ in {"nsubj", "dobj", "attr"} and c.pos_ in {"NOUN", "PROPN"}), None)
    return speaker_span(noun) if noun is not None else None


def find_direct_quotes(doc: Doc) -> list[FoundQuote]:
    """Text inside quotation marks, with the cue and speaker of each; transcript turns and
    lines of dialogue."""
    quotes: list[FoundQuote] = []
    previous: FoundQuote | None = None
    doc_chars = doc_text(doc)
    turns = transcript_turns(doc) + dialogue_lines(doc)
    in_turns = [(q.start, q.end) for q in turns]
    for start, end in quoted_spans(doc_chars):
        text = doc_chars[start:end]
        if any(s <= start and end <= e for s, e in in_turns):
            continue  # a quotation inside a turn is the turn's
        span = _tokens_in(doc, start, end)
        if span is None or len(span) == 0 or _is_name_or_term(span, _word_before(doc_chars, start)):
            continue
        cue = _cue_for(doc, span)
        speaker = speaker_of(cue) if cue is not None else None
        cue_text = cue_words(cue) if cue is not None else None
        if cue is not None and speaker is None and (governing := governing_subject(cue)) is not None:
            speaker = governing[1]
        if cue is None:
            continued = previous is not None and continues(doc_chars, previous.end) and "\n" in doc_chars[previous.end : start]
            same_paragraph = previous is not None and "\n" not in doc_chars[previous.end : start]
            if (same_paragraph or continued) and previous is not None:
                speaker, cue_text = previous.speaker, previous.cue  # "'...,' he said. '...'"
            elif (credit := _dash_credit(doc, doc_chars, end)) is not None:
                speaker, cue_text = credit, "dash"
            elif (introduced := _colon_introducer(doc, doc_chars, start)) is not None:
                cue_text, speaker = introduced
            elif (governing := governing_subject(span.root)) is not None:
                verb, speaker = governing
                cue_text = cue_words(verb)
        found = FoundQuote(start, end, text, True, cue_text, speaker)
        quotes.append(found)
        previous = found
    return sorted([*quotes, *turns], key=lambda q: q.start)


# Pronouns that cannot be resolved to a speaker by name ("It thinks ...").
_EMPTY_SPEAKERS = frozenset({"it", "they", "this", "that", "which", "who", "there"})


def _named(quote: FoundQuote, named: list[Span]) -> FoundQuote:
    speaker = quote.speaker
    if speaker is not None and speaker.text.lower() in _EMPTY_SPEAKERS:
        if not (is_pronoun(speaker) and antecedent(speaker, named) is not None):
            return FoundQuote(quote.start, quote.end, quote.text, quote.direct, quote.cue, None)
    return quote


def find_quotes(doc: Doc, named: list[Span] | None = None) -> list[FoundQuote]:
    """Direct quotes and reported speech, in text order.

    Reported speech by a speaker that is only "it" or "they" is dropped unless
    the pronoun stands for an earlier speaker (``attribution.antecedent``):
    otherwise it tells no reader who said what. A direct quote is kept even then.
    ``named``: the doc's named speakers (``attribution.named_speakers``), if already found.
    """
    named = named_speakers(doc) if named is None else named
    direct = [_named(q, named) for q in find_direct_quotes(doc)]
    reported = [q for q in (_named(q, named) for q in find_reported_speech(doc, direct)) if q.speaker is not None]
    direct = [q for q in direct if not any(_borrowed(q, r) for r in reported)]
    return sorted([*direct, *reported], key=lambda q: (q.start, q.end))


# The most words of a quoted phrase a paraphrase borrows ("spreading "like wildfire"").
_BORROWED_MAX_WORDS = 3


def _borrowed(quote: FoundQuote, statement: FoundQuote) -> bool:
    """A few quoted words inside the same speaker's reported statement ("Tull said the
    roads were "utterly impassable" by noon"): the statement holds them, no quote of their
    own. (A quote that is most of the statement leaves no reported one: ``reported``.)"""
    if not (statement.start <= quote.start and quote.end <= statement.end) or quote.speaker is None:
        return False
    same = statement.speaker is not None and statement.speaker.text.lower() == quote.speaker.text.lower()
    return same and len(re.findall(r"\w+", quote.text)) <= _BORROWED_MAX_WORDS and not _named_by_cue(quote)


def _named_by_cue(quote: FoundQuote) -> bool:
    """Whether the quoted words hang on their own cue ("calls the levy 'a tax on rain'"): what
    the speaker called it, a quote of its own."""
    doc = quote.speaker.doc if quote.speaker is not None else None
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand") if doc is not None else None
    if span is None or not quote.cue:
        return False
    root = span.root
    head = root.head.head if root.dep_ == "appos" and root.head.dep_ == "dobj" else root.head  # "calls the levy 'a tax on rain'"
    return (root.dep_ in _NAMED_AS and head.pos_ in {"VERB", "AUX"} and head.text == quote.cue.split()[0]
            and not span.start <= head.i < span.end)


# How the parser hangs what a cue calls something on it: "called it "timid"", "calls the levy 'a tax on rain'".
_NAMED_AS = frozenset({"oprd", "appos", "dobj", "attr"})
