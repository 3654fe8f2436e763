"""The shapes the speaker rules read: word lists and patterns of subjects, cues and what follows a quote.

Kept apart from speakers.py, which decides with them (as name_shapes.py is for people.py): the
auxiliaries and time words skipped before a verb, clause words, appositives, the verbs that report
only right after a quote, and the small tests on a span's words.
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.quotes import MASK
from reader.analysis.tokens import ABBREVIATIONS

AUXILIARIES = lx._words(
    "also later then further again recently previously once has have had was were is are been would will "
    "too himself herself themselves itself even still just now only first "
    "reportedly allegedly repeatedly publicly simply firmly quickly angrily proudly subsequently"
)
_ADVERB = re.compile(r"[a-z]{3,}ly")  # "He bluntly said"
LONGEST_AUXILIARY = 16  # the longest auxiliary or adverb skipped before a verb
RELATIVE = re.compile(r"^\s*(?:who|which|whose|that|whom|where)\b")
# One or two clause words before the subject ("but he replied", "But as The Hill pointed out").
CLAUSE_WORDS = re.compile(
    r"\s*(?:(?:but|But|And|Yet|while|whereas|as|As|and|when|after|before|because|although|though|so)\s+){1,2}"
)
WHERE_NAME = re.compile(r"\s*(?:where|when)\s+(?=[A-Z])")
# ``(?<![\w'’-])(?:because|whereas|although|though|when|while|after|before|since|until|unless|once)\s+``,
# written to open with the words' first letters, with the look behind after the first: the regex engine
# skips to those letters directly instead of trying the look behind at every position (twice as fast).
_NOT_AFTER_WORD = r"(?<![\w'’-].)"
SUBORDINATE = re.compile(
    rf"(?:b{_NOT_AFTER_WORD}(?:ecause|efore)|w{_NOT_AFTER_WORD}(?:hereas|hen|hile)|a{_NOT_AFTER_WORD}(?:lthough|fter)"
    rf"|t{_NOT_AFTER_WORD}hough|s{_NOT_AFTER_WORD}ince|u{_NOT_AFTER_WORD}(?:ntil|nless)|o{_NOT_AFTER_WORD}nce)\s+"
)
# The last of verbs joined to the subject's ("X put down her pen, stood up and said"): a lowercase
# phrase ending in "and", whose subject is the earlier clause's.
COORDINATED_VERB = re.compile(
    r"\s*(?!(?:the|a|an|his|her|their|its|who|which|that)\s)[a-z][\w'’-]*(?:\s+[\w'’-]+){0,5}\s+and\s*"
)
# "Jane Roe, the editor, interrupted me to announce": the subject's verb, then the cue's infinitive
VERB_TO = re.compile(
    r"\s*(?!(?:the|a|an|his|her|their|its|who|which|that|to)\s)[a-z][\w'’-]*(?:\s+[\w'’-]+){0,6}\s+to\s*"
)
CLAUSE_WORD_ONLY = re.compile(r"\s*(?:but|and|yet|so|then)\s*")
PRONOUN_AT = re.compile(r"\s*(he|she|it|they|He|She|It|They)\b")  # for match(text, pos): "^" holds at 0 only
LEAD = re.compile(r"[\s,;—–-]*")
CUTS = re.compile(r"[,;:—–()]")
# The end of a quote whose words are masked: a comma inside its marks cuts the clause there too.
QUOTE_CLOSE = re.compile(rf"{MASK}[\"”’']+")
_CLOSING_MARKS = tuple(MASK + mark for mark in "\"”’'")


def quote_closes(text: str) -> list[int]:
    """The starts of ``QUOTE_CLOSE.finditer(text)``, unordered: each mask followed by a mark, found by
    str.find, as the pattern steps through every masked character of a long quote."""
    found = []
    for pair in _CLOSING_MARKS:
        at = text.find(pair)
        while at >= 0:
            found.append(at)
            at = text.find(pair, at + 2)
    return found


_OBJECT_END = re.compile(rf"[.;:!?]\s|[.;:!?]$|\bthat\b|{MASK}")
# '"...," read a warning by the Storm Centre', '" said a statement from the ministry': the body whose
# document the quote is, named after "by" or "from".
DOCUMENT_BY = re.compile(
    r"(?:read|reads|said|says|stated|states)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{lx.DOCUMENT_NOUNS_PATTERN})"
    r"\s+(?:issued\s+|released\s+|posted\s+)?(?:by|from)\s+"
)
AFTER_QUOTE_VERB = re.compile(
    r"((?:[\w.'’-]+\s+){1,5}?)(?:continued|went on|shot back|fired back|chimed in|charged|pressed|offered|"
    r"interjected|cracked|gushed|fumed|chided|scolded|mused|marveled|marvelled|recalled|explained|"
    r"questioned|wondered|asks|barked|snapped|growled|started|began|bragged|confided|deadpanned|teased)\b"
)
NAME_THEN_CUE = re.compile(r"[\s,]*([A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2}\s+[a-z]+")
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my"})
TOLD = frozenset({"told", "tells", "tell", "telling"})
PRONOUNS = frozenset({"He", "She", "It", "They", "I", "We", "You", "The", "This", "That", "A", "An"})
CHANNEL_AFTER_NAME = re.compile(r",?\s+(?:in|on|at|during|to)\s+[^,.;:!?]{1,40}|\s*\([A-Z][\w.]{0,5}-?[\w.]{0,8}\)\s*")
THEIR_WORDS = re.compile(
    r"['’]s?\s+(?:response|reply|answer|message|retort|verdict|reaction|advice|explanation|words|statement|tweet)"
    r"(?:\s+(?:was|is|were|read|reads))?\s*"
)
THEIR_CLAIM = re.compile(
    r"['’]s?\s+(?:[a-z]+\s+){0,3}?(?:response|reply|answer|message|argument|claim|point|line|position|promise|"
    r"pledge|slogan|phrase|mantra|refrain|explanation|excuse|defen[cs]e|retort|verdict|assessment|view|complaint)"
    r"s?,?\s+(?:[\w,]+\s+){0,6}?(?:was|is|were|are|has been|had been|have been)\b"  # "X's arguments, though, were"
)
# "Stacy Baker of Columbia, South Carolina said": a place of one or two words after "of Place,"
PLACE_WORDS = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+\.?\s*")
OF_PLACE = re.compile(r"\bof\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s*,$")
# "Jane Roe, 45, of Springfield said": the place closes the appositive with no comma, and is the whole
# clause before the verb; the name is before it
OF_PLACE_CLAUSE = re.compile(r"\s*(?:of|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*")
LISTENER_BEFORE = re.compile(r"\b(?:to|with)\s+(?:[A-Z][a-z]{0,4}\.\s+)?$")
NAME_BEFORE_COLON = re.compile(r"(?:^|[-—–•]\s*|\n)((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*$")
VENUE_BEFORE = re.compile(r"\b(?:on|to|with|in|at|by|from|for|via)\s+(?:the\s+)?$")
SIGNATURE = re.compile(r"\s*[-—–]+\s*")
OPENING_PHRASE = re.compile(
    r"[^,;:!?\n]{1,100},\s+(?=[A-Z])"  # "After former Gov. Jerry Brown spoke, "
    r"|(?:Then|Later|Now|Still|Instead|Meanwhile|Earlier|Afterward|Afterwards|Again)\s+(?=[a-zA-Z])"
)
# An opening phrase led by a preposition ("Like Jane Roe,", "Unlike the mayor,"): a name in it is no subject.
PREPOSITION_LEAD = re.compile(
    r"\s*(?:Like|Unlike|Besides|Beside|Alongside|Despite|Against|After|Before|With|Without|As with|Along with)\s"
)
APPOSITION = re.compile(
    r",[^;:!?]{1,120}?,(?=\s+[a-z])"  # ", who is a pastor at X, Colorado,"
    r"|\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?=\s+[a-z])"  # "Angela Merkel of Germany"
    # "Jane Roe from the rights group Stonewall Harbour welcomed"
    r"|\s+(?:of|from|at)\s+the\s+(?:[a-z][\w'’-]*\s+){1,3}[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?=\s+[a-z])"
    r"|\s*\([A-Z][\w.]{0,5}-?[\w.]{0,8}\)(?=\s+[a-z])"  # "Rep. Hakeem Jeffries (D-N.Y.) reacted"
    # "X, who is the country's first Premier addressed": a relative clause left open, ended by its noun
    r"|,\s+who\s+(?:is|was)\s+[^,;:!?]{1,80}?\s[A-Z][\w'’-]*(?=\s+[a-z])"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# When the subject spoke, between the subject and its verb ("Trump on Thursday said", "X last week argued").
_WHEN = (
    rf"(?:\s+(?:on\s+|early\s+|late\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:last|this)\s+(?:week|month|year))"
)
# Where or in what the subject spoke, before its verb ("Roe during a rally thanked", "X on Twitter called").
_SETTING = r"(?:\s+(?:in|on|at|during)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[a-z]+\s+)?[\w'’-]+(?=\s+[a-z]))"
# People of the one named who speak for themselves ("Harbour High School fans chanted", "Trump supporters").
_GROUP_NOUNS = (
    "fans|supporters|students|pupils|residents|voters|protesters|protestors|players|workers|employees|members|"
    "parents|customers|passengers|critics|opponents|activists"
)
GROUP_NOUNS = frozenset(_GROUP_NOUNS.split("|"))
VERB_AFTER = re.compile(
    rf"{_WHEN}?{_SETTING}?\s+(?!(?:of|and|or|in|at|on|for|to|from|with|by|{_GROUP_NOUNS})\b)[a-z]{{2,}}\b"
)
_WHEN_AT_END = re.compile(rf"{_WHEN}\s*$")
# The last letters of the words a time ends in (Monday, morning, night, week, month, year): most subjects
# end in another, and the search for a time is skipped.
_WHEN_LAST = frozenset("ygntkhr")
_SPACE_THEN_WORD = re.compile(r"\s\S*\Z")
# "Peter Ash, Trump's spokesman, said": the appositive names whose spokesman he is, not the speaker
POSSESSOR_ROLE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*['’]s?\s+[a-z]")
# A clause without a subject of its own set between the subject and its verb ("X, when asked about Y,
# replied"): a name in it is not the verb's subject ("while Jane Roe, the police chief, promised" is).
INTERJECTED = re.compile(
    r"\s*(?:when|while|after|before|if|though|although|once|unless)\s+(?!(?:he|she|they|it|we|you|the|a|an|his|her|their|its|this|that)\b)[a-z]"
)
APPOSITIVE = re.compile(r"\s*(?!(?:but|and|while|whereas|as|when|after|before|because|although|though|so|then)\s)[a-z]")
# "Peter Ash, leader of the Harbour Workers Party said", "Evan Roe, who tracks Web sites for NBC News
# said": a role of a body, or a relative clause ending in one, left open before the verb
UNCLOSED_ROLE = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){1,3}(?:of|for|at|to|with)\s+(?:the\s+)?[A-Z]"
    r"|\s*who\s+(?!(?:he|she|they|we|you|it)\b)[a-z][\w'’-]*\s+(?:[\w'’-]+\s+){0,4}(?:of|for|at|to|with)\s+(?:the\s+)?[A-Z]"
)
# "AFP spoke to Terence Fan, an expert, who said": the relative pronoun is the whole subject
RELATIVE_SUBJECT = re.compile(r"\s*who(?:\s+(?:also|later|then|previously|once|recently|first))*\s*")
NOUN_BEFORE = re.compile(r"(?:['’]s|s['’]|\b(?:the|a|an))\s+$")  # "Trump's remarks", "Francis' remarks"
PARTICIPLE = re.compile(
    r"\s+(?!(?:during|including|following|regarding|concerning|according|excluding|pending|hearing|meeting|"
    r"briefing|building|morning|evening|wedding|funding|spending|ruling|something|nothing|everything|anything)\b)"
    r"(?=[a-z]{3,}ing\b)"
)  # the gap between a name and its -ing verb
WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:[A-Z][a-z]{0,4}\.\s+)?$")  # "with (the) (Sen.) X"
# A person the sentence does not name, opening it ("The Badr-6 programme manager", "A spokesperson").
UNNAMED_SUBJECT = re.compile(r"(?:The|A|An|One|Another)((?:\s+[\w'’.-]+){1,4})")
HEAD_WORDS = re.compile(r"\b[a-z]+\b")
FOR_ORG = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?")
TITLE_GOES_ON = re.compile(r" [A-Z][\w.'’-]*")
TITLED_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+(?:of\s+)?){0,5}[A-Z][\w'’-]*")
LEAD_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*(?=\s+[a-z])")
# A clause of its own after a quote: its subject's cue reports that clause, not the quote.
NEW_CLAUSE = re.compile(r"\s*(?<![\w'’-])(?:and|but|while|whereas)\s+(?=[A-Z])")
# A name and its appositive before a cue, however long the appositive: "Jane Roe, an adviser to ..., said".
NAME_AND_APPOSITIVE = re.compile(rf"\s*(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w'’-]*,[^;:!?\n{MASK}]{{1,200}},\s*")
FIRST_WORD = re.compile(r"([a-z][\w'’-]*)")
# Words opening a speaker the article does not name ("a relative", "one official", "another aide").
UNNAMED = frozenset({"a", "an", "one", "another", "two", "three", "several", "some"})
# '" said the source': a definite noun that stands for no one named, as "a source" would not.
ANONYMOUS_THE = re.compile(r"the\s+(?:source|witness|resident|interviewee)s?\b")
# Words after a quote that carry on the writer's sentence ('"not ready" to support Trump'), not a subject.
CONTINUATIONS = lx._words(
    "to with for in on at from of and but or about than that which because over into against while "
    "without through after before since until among between toward towards"
)
_ABBREVIATED = re.compile(r"([\w.]+)\.$")


DESCRIBERS = lx._words(
    "former late then acting top senior nominee frontrunner front-runner hopeful challenger incumbent rival "
    "contender presidential republican democratic party state "
    "citizen motorist eyewitness passenger voter commuter bystander"  # "US citizen Jane Doe thought"
)


def subject_prefix(text: str) -> bool:
    """Whether the words before a name describe it ("Republican nominee Donald") rather than start a clause."""
    words = text.split()
    if "and" in words[1:-1]:  # "Former judge and City Mayor Jane": two roles of one name
        words = [w for w in words if w != "and"]
    if len(words) > 6:
        return False
    return all(w[0].isupper() or w in lx.ROLE_NOUNS or w in DESCRIBERS or w in lx.DETERMINERS for w in words)


def object_end(text: str) -> int | None:
    """Where the phrase after a cue ends: a stop, ``that`` or a quote; not the dot of ``Mr.`` or ``G.K.``."""
    for stop in _OBJECT_END.finditer(text):
        if text[stop.start()] == ".":
            word = _ABBREVIATED.search(text, 0, stop.start() + 1)
            if word and (word.group(1) in ABBREVIATIONS or len(word.group(1)) == 1 or "." in word.group(1)):
                continue
        return stop.start()
    return None


def without_auxiliaries(text: str) -> str:
    """``text`` without trailing auxiliaries and adverbs ("X has also said"), each after whitespace, and
    a time before them ("X on Monday said", "X last week told").

    Read from the end: a regular expression anchored at the end tries every position of the text, so
    the time is looked for in the last few characters only.
    """
    end, cut = len(text.rstrip()), None
    while True:
        last = text[end - 1 : end]
        if not last.isalpha() or last in _WHEN_LAST:
            when = _WHEN_AT_END.search(text, max(0, end - 40), end)
            if when is not None:
                end = cut = when.start()
                continue
        # The last whitespace at most LONGEST_AUXILIARY + 1 characters back, found in one search rather
        # than a step per character; the word after it is the one that may be skipped.
        space = _SPACE_THEN_WORD.search(text, max(0, end - LONGEST_AUXILIARY - 2), end)
        if space is None:
            break
        k = space.start()
        word = text[k + 1 : end]
        if not (word in AUXILIARIES or _ADVERB.fullmatch(word)):
            break
        while k > 0 and text[k - 1].isspace():
            k -= 1
        end = cut = k
    return text if cut is None else text[:cut]


_PHRASE_WORDS = lx._words("of and the at for from in")


def _role(word: str) -> bool:
    return word in lx.ROLE_NOUNS or word.rstrip("s") in lx.ROLE_NOUNS or word in DESCRIBERS


def long_subject(text: str) -> bool:
    """Whether words between a quote and its cue are one long subject, names with their roles and
    employers and no clause of their own ('" nuclear experts Jane Roe and Ann Doe of the Institute for
    Science and International Security wrote'): capitalised words, role nouns (with a word before one:
    "nuclear experts") and a few joining words only."""
    words = text.split()
    if not words or any(mark in text for mark in ",;:()") or sum(w[:1].isupper() for w in words) * 2 < len(words):
        return False
    return all(
        w[:1].isupper() or w in _PHRASE_WORDS or _role(w) or (k + 1 < len(words) and _role(words[k + 1]))
        for k, w in enumerate(words)
    )


# A relative or friend of the one named, left unnamed, as the whole rest of a subject ("Kovel's brother",
# "Roe's late mother"): whoever speaks is not the one named (an aide or a spokesman speaks for them).
KIN_OF = re.compile(
    r"['’]s?\s+(?:(?:late|eldest|elder|older|younger|twin|former|step|own)\s+){0,2}"
    r"(?:father|mother|brother|sister|son|daughter|wife|husband|widow|widower|uncle|aunt|cousin|nephew|niece|"
    r"grandfather|grandmother|grandson|granddaughter|stepfather|stepmother|stepson|stepdaughter|parents|"
    r"family|relatives|relative|friend|friends|neighbour|neighbor|neighbours|neighbors|girlfriend|boyfriend|"
    r"fiancé|fiancée|fiance|fiancee|partner|classmate|classmates|teammate|teammates|colleague|colleagues)"
    r"[\s,]*$"
)

# Nouns for a person of a nation, a state or a party ("the Briton", "the Texan", "the Democrat"): a
# subject of this alone stands for the one person the sentences before name.
DEMONYMS = (
    lx.NATIONALITIES
    | lx._words(
        "Briton Brit Frenchman Frenchwoman Englishman Englishwoman Scot Scotsman Scotswoman Irishman Irishwoman "
        "Welshman Welshwoman Dutchman Dutchwoman Swede Dane Finn Pole Turk Spaniard Kiwi Aussie Yankee Israeli "
        "Iraqi Afghan Pakistani Kenyan Nigerian Ethiopian Ugandan Ghanaian Filipino Filipina"
    )
) - lx._words("Latin Western Eastern Northern Southern Islamic Orthodox Gulf Pacific Atlantic Mediterranean Baltic")
