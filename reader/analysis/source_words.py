"""The words and shapes that credit a source: the verbs of saying, of a stance or of a finding, the subject
and object shapes of a body no finder knows, and the tests of a verb's form (a noun, a passive)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.analysis import lexicon as lx
from reader.analysis.cues import PHRASAL_CUES
from reader.analysis.lexicon import _inflect
from reader.analysis.name_shapes import STATE_ABBREVIATIONS
from reader.analysis.quotes import MASK

_OUTLET_NOUN = (
    r"(?:(?:[a-z]+\s+){0,2}(?:news agency|news site|newspaper|broadcaster|magazine|daily|tabloid|channel|network"
    r"|website|station)|news agency|newspaper|broadcaster)"
)  # "the news agency Reuters", "local television station KVTV"
# An inverted cue after a comma whose subject follows it: ", reports USA Today", ", wrote the Globe".
_INVERTED_VERBS = (
    r"\s+(?:reports|reported|writes|wrote|notes|noted|says|said|adds|added|explains|explained|argues|argued"
    r"|observes|observed|warns|warned|insists|insisted|recalls|recalled)\s+(?=(?:the\s+)?[A-Z])"
)
# One pattern per mark before the verb, each opening with its literal, which the regex engine looks for fast:
# after a comma, and after a quote's closing mark ('"...," said the CDC's director, Anne Schuchat').
INVERTED = tuple(re.compile(mark + _INVERTED_VERBS) for mark in (",", "”", '"'))
# A name opening the sentence, then an appositive that describes it, then the verb.
_NAME_THEN_APPOSITIVE = re.compile(
    r"\s*((?:[A-Z][\w.&'’-]{0,40}\s+){0,3}[A-Z][\w.&'’-]{0,40}), (?:the|a|an) [^,]{1,80}, (?:\w+ly\s+)?$"
)
_BOTH = lx._words("both all")  # "Ada Quist and Lena Varga both said"
# Between two names of one subject: "and", a comma, and the second one's title ("Ada Quist and Mayor Lena Varga").
_JOINING_WORDS = lx._words("and ,")


def joins_names(gap: str) -> bool:
    """Whether the text between two people's names joins them into one subject ("Ada Quist, Lena Varga and
    Omar Haddad said", "police chief Ada Quist and Mayor Lena Varga said")."""
    words = gap.replace(",", " , ").split()
    joining = 0
    while joining < len(words) and words[joining] in _JOINING_WORDS:
        joining += 1
    if not joining:
        return not words  # nothing joins them: "Ada Quist Lena Varga" is no list
    return all(w in lx.TITLES or w in lx.ROLE_NOUNS for w in words[joining:])


# A relative clause left open up to the verb: "Sanders, who endorsed Canova in May and said".
_OPEN_RELATIVE = re.compile(r", who [^,;:.]*$")
# "pointed out", "shot back"; not "went on" ("went on to hit a double")
_PHRASAL = frozenset(verb + rest for verb, rest in PHRASAL_CUES.items() if verb != "went")
_OUTLET_IN = re.compile(rf"\b{_OUTLET_NOUN}\b")
_DATA = re.compile(r"\s+(?:data|figures|statistics|research|analysis|report|survey|poll|study)\b")


# Verbs that credit a person (not an organisation) with what follows: "Perkins admitted she ...".
PARAPHRASE_VERBS = (
    lx.SOURCE_VERBS
    | lx._words("admit admits admitted")
    | _inflect(
        "add admit insist argue suggest remark comment acknowledge stress contend maintain testify allege predict "
        "emphasize emphasise recall recount reply respond explain"
    )
)
# Cues of quotes that credit a paraphrase too, when a clause or the words follow ("Rice complained that",
# "the city reasoned:"), not an object ("conceded a penalty", "declared the day a holiday"); not the cues of
# a manner of speaking or of a promise ("shouted", "asked", "vowed").
CLAUSE_VERBS = _inflect("caution clarify complain concede counter declare elaborate lament mention opine proclaim") | (
    _inflect("reason retort quip joke theorize theorise boast")
)
# Verbs of a promise or an agreement credit a paraphrase only before "that" ("Lee vowed that the line would
# reopen", "both sides agreed that"), not before an object or "to" ("agreed to resume", "promised them aid").
THAT_VERBS = _inflect("agree vow promise pledge concur")
_THAT_AFTER = re.compile(r"\s+that\b")
_CLAUSE_AFTER = re.compile(rf"\s*(?:that\b|[,:“\"{MASK}])")
# A body the finders do not know, named right before its verb: "Israel said", "The United States warned",
# "Gallup reported", "MSNBC reported" (after a sentence start, a comma or a clause's "and"/"but").
_AUXILIARIES = lx._words(
    "also later then has have had previously recently again already once quickly first yesterday today tonight "
    "earlier now"
)
# What a body is, before its name ("the carmaker Velocar said", "the broadcaster VTV reported") or in an
# appositive after it ("Velocar, the carmaker, said"; not "Velmora, a small town, said").
_BODY_KINDS = (
    r"(?:company|carmaker|firm|group|airline|agency|charity|club|team|union|party|bank|retailer|manufacturer|maker"
    r"|broadcaster|network|newspaper|insurer|operator|developer|organi[sz]ation|association)"
)
_BODY_KIND = rf"(?:(?:[a-z-]+\s+)?{_BODY_KINDS}\s+)"
_BODY_IN = re.compile(rf"\b{_BODY_KINDS}\b")
_BARE_SUBJECT = re.compile(
    rf"(?:^|[,;:(]\s*|\b(?:and|but|while|as)\s+)(?:[Tt]he\s+)?{_BODY_KIND}?"
    r"((?:[A-Z][\w.&'’-]{0,40}\s+(?:of\s+)?){0,3}[A-Z][\w.&'’-]{0,40})\s+"
    rf"(?:(?:{'|'.join(sorted(_AUXILIARIES))})\s+)*$"
)
# Someone unnamed who speaks for a body, or its statement: the body is the source. "A spokesperson for
# Amtrak said", "officials at the Federal Railroad Administration said", "An Amtrak spokesman said", "A NASA
# statement said", "Pentagon officials said" (the words before the verb, auxiliaries dropped).
_AGENTS = (
    r"(?:(?:chief|top|senior|press|deputy)\s+)?"  # "Velocar's chief executive", "Amtrak's press spokesman"
    r"(?:[Ss]pokes(?:man|woman|person|men|women|people)|[Oo]fficials?|[Rr]epresentatives?|statement|[Ee]xecutives?"
    r"|polls?|surveys?|study|analysis)"  # "A Brandell poll found that": the body whose poll it is
)
_BODY_NAME = r"((?:[A-Z][\w.&'’-]{0,40}\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][\w.&'’-]{0,40})"
_AGENT_STEMS = ("pokes", "fficial", "statement", "epresent", "xecutive", "poll", "survey", "study", "analysis")
_AGENT_FOR = re.compile(
    rf"\b{_AGENTS}\s+(?:for|of|from|at|with)\s+(?:the\s+)?{_BODY_NAME}\s*(?:,[^,]{{1,80}},\s*)?$"
)  # "A spokesperson for NISA, the nuclear authority, said"
_AGENT_AFTER = re.compile(rf"(?:^|[\s(])(?:(?:[Aa]n?|[Tt]he)\s+)?{_BODY_NAME}\s+{_AGENTS}\s*$")
# "according to Israel", "according to Gallup": the same after a leading cue.
_BARE_OBJECT = re.compile(  # "according to broadcaster VTV": after an outlet's kind too
    rf"\s*(?:the\s+)?(?:{_OUTLET_NOUN}\s+)?"
    r"((?:[A-Z][\w.&'’-]{0,40}\s+(?:of\s+)?){0,3}[A-Z][\w.&'’-]{0,40})(?=[\s,.;:)]|$)"
)
# Words that open a sentence or clause before a body's name ("As POLITICO revealed", "On Monday Gallup said").
_OPENING_WORDS = lx.STOP_CAPS - lx.TITLES - lx.ORG_WORDS | lx.MONTHS | lx.DAYS
_NOT_BODY_WORDS = lx.STOP_CAPS | lx.MONTHS | lx.DAYS | lx.TITLES | lx.NATIONALITIES | STATE_ABBREVIATIONS
# Verbs of a stance the reporting cues leave out, which credit their subject too ("Rob Siegel likened it
# to ...", "the Home Office rejects the claim", "Phillip Father thanked Arianespace", "the club thanked its
# fans", "expressed concern that"); those of CREDIT_VERBS also credit a body no finder knows ("Israel
# denied"). Not "promised" ("promised them treatment") nor "condemned" ("recently condemned
# anti-semitism"): they tell nothing the article cites.
# Only finite forms: "to believe", "the urge", "I dispute" (in quotes, masked) credit no one.
STANCE_VERBS = lx._words(
    "likened likens proposed proposes dismissed dismisses praised praises blamed blames believes believed felt feels "
    "thinks "
    "tweeted thanked thanks expressed expresses disagreed disagrees"
    # a position restated: "Ada Quist reiterated her support", "the ministry reaffirmed the ban will stay"
    " reiterated reiterates reaffirmed reaffirms welcomed welcomes"
)
CREDIT_VERBS = lx._words(
    "rejected rejects disputed disputes accused accuses criticized criticizes criticised criticises "
    "recommended recommends urged urges denied denies suggested suggests cited cites predicted predicts forecast "
    "forecasts voiced"
)
# Verbs of findings, which credit a body but not a person: "Pew found that", "a Gallup poll shows", "the
# court ruled", "the coroner's office identified the victim as" (a person who "found it difficult" or "showed
# up" is credited with nothing).
FINDING_VERBS = lx._words("found finds showed shows ruled rules identified identifies")
# Verbs of an estimate, a hope or a suspicion, which credit their subject only before "that" ("Ada Quist
# estimated that", "the ministry hopes that"): not "the estimated cost", "the suspected gunman", "hopes to".
THAT_STANCE_VERBS = lx._words(
    "estimated estimates speculated speculates suspected suspects remembered remembers hoped hopes feared fears "
    "expects indicated indicates"
)
# Verbs of talk that credit their subject only before what they talk about ("Ada Quist talked about the
# risks", "the report speaks of a crisis"): not "talked to", "spoke for an hour".
ABOUT_VERBS = lx._words("talked talks spoke speaks")
_ABOUT_AFTER = re.compile(r"\s+(?:about|of)\b")
# An appeal credits its subject as "called for" does, before what is asked ("Ada Quist appealed for calm",
# "appealed to residents to stay away"): not "appealed the ruling", "the appeals court".
APPEAL_VERBS = lx._words("appealed appeals")
_APPEAL_AFTER = re.compile(r"\s+(?:for\b|to\s+[^,.;:]{1,60}?\bto\s+[a-z])")
STANCE_WORDS = STANCE_VERBS | CREDIT_VERBS | FINDING_VERBS | THAT_STANCE_VERBS | ABOUT_VERBS | APPEAL_VERBS
# Findings a person is credited with, before "that" ("Judge Ada Quist ruled that"): the past forms only, as
# "rules that", "shows that" and "finds that" are as often nouns ("finalizing rules that").
PERSON_FINDINGS = lx._words("found showed ruled identified")
# A word that makes the next one a noun: "in hopes that", "the fears that", "their estimates that".
_NOUN_AFTER = re.compile(r"(?:^|\s)(?:in|the|a|an|his|her|their|its|our|my|of|with|no|any|and|such)\s+$")
_STANCE_STEMS: tuple[str, ...] = (
    *("liken", "believ", "propos", "dismiss", "prais", "blam", "reject", "felt", "feels", "thinks"),
    *("tweet", "thank", "express", "disagre", "reiterat", "reaffirm", "welcom"),
    *("disput", "accus", "critici", "recommend", "urge", "deni", "cite", "predict", "forecast", "voiced"),
    *("found", "finds", "show", "rule", "identif"),
    *("estimat", "specul", "suspect", "rememb", "hope", "fear", "expects", "indicat"),
    *("talk", "spoke", "speaks", "appeal"),
)
# Common nouns that stand for a body the article has just named: "the club said", "the agency added", "the
# ministry rejects". Outlet nouns stand for an outlet. Not "the government" nor "the city", which stand as
# often for a country's or a place's than for a body named before.
BODY_NOUNS = lx._words(
    "club company firm team agency ministry department council court committee commission party "
    "organisation organization association union university college school museum hospital airline federation "
    "league board authority regulator institute foundation church bank group municipality centre service"
)
OUTLET_NOUNS = lx._words("network broadcaster newspaper paper magazine station channel website outlet")
_COMMON_SUBJECT = re.compile(r"(?:^|[\s,;:(])[Tt]he\s+([a-z]+)\s*$")
BODY_LOOKBACK = 4  # sentences, the current one included, where "the club" finds its club (as "it" does)
_LOWER_WORD = re.compile(r"[a-z]+")
# A name right after a clause word, at the end of the words before a verb ("... after Nabisco").
_NAME_AFTER_CLAUSE_WORD = re.compile(
    r"\b(?:after|before|when|while|because|since|until|as|and|but|that|where|though|although)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.&'’-]{0,40}\s+){0,3}[A-Z][\w.&'’-]{0,40})$"
)


# The stem each stance word opens with ("suggests" and "suggested" open with none, so are never found).
_STEM_OF = {word: stem for word in STANCE_WORDS for stem in _STANCE_STEMS if word.startswith(stem)}
_LOWER_RUN = re.compile(r"[a-z]{4,}")  # every stance word has four letters or more


def lower_runs(masked: str) -> set[str]:
    """The runs of four lowercase letters or more of a text, each whole: the words that the cues looked for
    with str.find can be, found in one pass so that only the stems of those present are looked for."""
    return set(_LOWER_RUN.findall(masked))


def _stance_verbs(masked: str, runs: set[str]) -> Iterator[tuple[int, str]]:
    """(offset, verb) of each stance verb outside quotes, stem by stem, found by the stems' str.find: faster
    than a regex of all the forms or a look at every token, as most articles have few or none."""
    # A verb found is a whole run of lowercase letters (what is before it is no letter), so only the stems
    # of the stance words among the text's ``lower_runs`` can find one: str.find for those few stems, rather
    # than some forty scans of the text, most for stems it does not hold.
    present = {_STEM_OF.get(word) for word in STANCE_WORDS.intersection(runs)}
    for stem in _STANCE_STEMS:
        if stem not in present:
            continue
        at = masked.find(stem)
        while at >= 0:
            if at == 0 or not masked[at - 1].isalnum():
                word = _LOWER_WORD.match(masked, at)
                if word is not None and word.group() in STANCE_WORDS:
                    yield at, word.group()
            at = masked.find(stem, at + len(stem))


# Forms of cue verbs that are nouns after a determiner and a word ("a penalty claim", "the police report").
_NOUN_FORMS = lx._words(
    "claim claims report reports note notes state states estimate estimates warning comment comments"
)
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their|our|this|that|whose)\s+[\w-]+\s+$")
# "added three titles", "adds a second goal", "added to the list": the verb that adds a thing.
_ADD_FORMS = lx._words("add adds added")
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|another|two|three|four|five|six|seven|eight|nine|ten|\d+|to)\s")
# ", saying", "– adding": a participle after the clause of its subject, who is credited ("after confirming" is not).
_AFTER_CLAUSE = re.compile(r"[,–—]\s*$")
_NOT_LEAD_WORDS = (
    (lx.STOP_CAPS - lx._words("The A An"))
    | _AUXILIARIES
    | lx._words("was is were are be been will would can could did does do may might must should shall")
)


def _lead_word(word: str) -> bool:
    """A word that may stand before a subject's name: a description ("US citizen", "Former Mayor"), not a
    verb, pronoun or auxiliary ("She also compared", "has praised")."""
    return word not in _NOT_LEAD_WORDS and (word[:1].isupper() or not word.endswith("ed"))


# "had been denied visas", "was twice rejected": a passive credits no one.
_PASSIVE_AUX = lx._words("be been being was were is are get gets got getting")
_PASSIVE_ADVERBS = lx._words("twice not then also later sometimes often still never once already")


def _passive_before(text: str, at: int) -> bool:
    """Whether an auxiliary of the passive, perhaps with one adverb, stands right before ``at``: the same
    test as a regex anchored at ``at``, which would be tried from every position before it."""
    words = text[max(0, at - 30) : at].split()
    if words and words[-1] in _PASSIVE_AUX:
        return True
    return len(words) > 1 and words[-2] in _PASSIVE_AUX and (words[-1].endswith("ly") or words[-1] in _PASSIVE_ADVERBS)


# "is arguing that", "has been saying for weeks", "was still insisting": a progressive, which credits its
# subject as the finite verb does (an "-ing" form after "is" is never a passive).
_PROGRESSIVE_AUX = lx._words("is are was were been am")
_PROGRESSIVE_ADVERBS = lx._words("also still now already again not")


def _progressive_before(text: str, at: int) -> bool:
    """Whether an auxiliary of the progressive, perhaps with one adverb, stands right before ``at``."""
    words = text[max(0, at - 30) : at].split()
    if words and words[-1] in _PROGRESSIVE_AUX:
        return True
    return (
        len(words) > 1
        and words[-2] in _PROGRESSIVE_AUX
        and (words[-1].endswith("ly") or words[-1] in _PROGRESSIVE_ADVERBS)
    )


# A reporting verb and "that" before a subject: the subject is inside what someone else reports.
_REPORTED_THAT = re.compile(
    r"\b(?:told|tells|said|says|stated|states|wrote|writes|added|claimed|claims)\b[^.;:]{0,80}?\bthat\b"
)
# An outlet that quotes or cites: "The Guardian cited examples", "It quoted critics".
_OUTLET_CITES = re.compile(r"\s+(?:cited|quoted|published|carried|ran)\b")
# A cue that is declined or negated credits no one: "declined to comment", "did not respond to a request",
# "has not commented", "refused to say whether".
# The same as ``(?:\b(?:declined|refused|failed|unable|not|never)|n['’]t)\s+(?:immediately\s+)?(?:to\s+)?$``,
# written to open with the first letters (then "no word character before"), which the regex engine skips
# to, rather than with ``\b``, tried at every position of the window (twice as fast).
DECLINED = re.compile(
    r"(?:d(?<!\w.)eclined|r(?<!\w.)efused|f(?<!\w.)ailed|u(?<!\w.)nable|n(?<!\w.)(?:ot|ever)|n['’]t)"
    r"\s+(?:immediately\s+)?(?:to\s+)?$"
)
# A body's finding after a leading cue: "according to a Brandell poll", "according to the latest Kestrel
# Institute figures".
_BODY_FINDING = re.compile(
    r"\s*(?:an?|the)\s+(?:(?:new|latest|recent|annual|national|\w+st)\s+)?"
    r"((?:[A-Z][\w.&'’/-]{0,40}\s+(?:of\s+)?){0,3}[A-Z][\w.&'’/-]{0,40})\s+"
    r"(?:polls?|surveys?|study|studies|reports?|analysis|data|figures|statistics|estimates?|statement)\b"
)
