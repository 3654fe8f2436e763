"""Scare quotes: whether a quote is a term, a title or someone's words.

Names of works, shows, sites and terms are scare quotes (no speaker); a few words quoted inside
someone's reported speech keep their speaker.
"""

from __future__ import annotations

import re

from reader.analysis.lexicon import NATIONALITIES
from reader.analysis.quotes import RawQuote
from reader.analysis.scare_frames import _blamer_or_owner, _predicate, _reported
from reader.analysis.speakers import Attributor, Speaker

QUANTITIES = frozenset(["thousands", "hundreds", "millions", "billions", "dozens", "scores", "tens"])
# Words a title writes small ("The Late Hour with Jane Roe").
SMALL_WORDS = frozenset(
    ["of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "vs", "vs.", "de", "la", "le", "du", "with"]
)


_TITLE_WORD = re.compile(r"[\w'’.-]+")
LONG_TITLE_WORDS = 16  # a book's title and subtitle; up to six words need no small word written small


def title_like(text: str) -> bool:
    """Names of things (sites, robots, awards, sections): every significant word capitalised."""
    if len(text) > 400 and len(_TITLE_WORD.findall(text, 0, 400)) > LONG_TITLE_WORDS:
        return False  # too many words already: a long quote is not read to its end
    words = _TITLE_WORD.findall(text)
    if len(words) > LONG_TITLE_WORDS:
        return False  # most quotes: a sentence or more, whose words need no look one by one
    significant = [w for w in words if w.lower() not in SMALL_WORDS]
    if not significant:
        return False
    if len(words) > 6 and ":" not in text and not any(w in SMALL_WORDS for w in words):
        return False  # a long title has a subtitle or writes its small words small ("A Battle for the Soul")
    if len(words) == 1 and words[0].rstrip(".") in NATIONALITIES:
        return False  # 'the judge was "Mexican."': a nationality is capitalised, not a name
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


def scare_decision(
    att: Attributor,
    quote: RawQuote,
    text: str,
    speaker: Speaker | None,
    reason: str,
    said_after: bool,
    floor: int,
    limit: int,
    s_start: int,
    opens_sentence: bool,
    named_unknown: bool,
) -> tuple[Speaker | None, bool, str]:
    """Whether a quote is a scare quote (a term, a title), and the speaker and reason it keeps.

    Called by ``attribute`` once the quote's speaker has been looked for; ``floor``..``limit`` is the
    quote's own stretch of its sentence.
    """
    words = text.split()
    scare = False
    sentence = _own_sentence(att, quote, text, floor, limit, opens_sentence, said_after)
    if quote.headline and not said_after and not att.cued(quote, floor, limit, window=3):
        # "Mayor blasts 'ignorant view'": a headline's words, not the article's quote; "'We won,' she
        # said." is a quote in an article that puts single marks around its quotes
        scare, speaker = True, None
    elif _work_by(att, quote, text):
        scare, speaker = True, None  # '"The Art of the Deal," by Donald Trump': a work's title
    elif _GLOSS.search(att.masked, max(floor, quote.open_mark - 20), quote.open_mark):
        scare, speaker = True, None  # '"Adiós," Spanish for "goodbye"': the writer's gloss
    elif (
        title_like(text)
        and not sentence
        and not _reported(att, quote, floor)
        and not _spoken(att, quote, text, said_after, floor, limit)
    ):
        namer = _naming_subject(att, floor, quote.open_mark)
        if namer is not None:  # 'Trump refers to the governor as "Chris."': his word for him
            speaker, reason = namer, "paraphrase"
        else:
            scare, speaker = True, None  # "on CNN's "New Day," Gillibrand said": the show, not the words
    elif (
        len(words) == 1
        and words[0].lower().strip(".,;:!?") in QUANTITIES
        and not _reported(att, quote, floor)
        and not _right_after_cue(att, quote, floor)
    ):
        scare = True  # "thousands" more Belarusians; not 'his claim that "thousands" came', 'testified "dozens"'
    elif len(words) <= 4 and speaker is None and not sentence and not att.cued(quote, floor, limit):
        frame = _SPEECH_FRAME.search(att.masked, max(floor, quote.open_mark - 80), quote.open_mark) or _HELD_AS.search(
            att.masked, max(floor, quote.open_mark - 80), quote.open_mark
        )
        # 'calling him a "loser"', 'dismissed it as "absurd"': someone's words, though whose is
        # not found here (the sentence's subject was looked for above)
        chanted = _CHANTED.search(att.masked, max(floor, quote.open_mark - 30), quote.open_mark)
        reported = _reported(att, quote, floor)
        scare = frame is None and not chanted and not reported and not _predicate(att, quote, floor)
        if reported and frame is None:
            speaker = _blamer_or_owner(att, quote, floor)
            reason = "paraphrase" if speaker is not None else reason
        if scare and not opens_sentence and not named_unknown:
            speaker = _fragment_speaker(att, quote, s_start, floor)
            if speaker is not None:
                scare, reason = False, "paraphrase"
    return speaker, scare, reason


def _right_after_cue(att: Attributor, quote: RawQuote, floor: int) -> bool:
    """Whether a reporting verb comes right before the quote ('Roe testified "hundreds" of pumps failed')."""
    cue = att.first_cue(max(floor, quote.open_mark - 16), quote.open_mark)
    return cue is not None and not att.masked[cue[2] : quote.open_mark].strip(" \"“‘'«")


def _own_sentence(
    att: Attributor, quote: RawQuote, text: str, floor: int, limit: int, opens_sentence: bool, said_after: bool
) -> bool:
    """Whether the quote is a sentence of its own: capitalised, ending in its own ".", "!" or "?", and
    opening the writer's sentence or following a colon ('"That's a tough area."', 'had one message:
    "Dump Trump."'). Someone said or wrote it; a title does not end in a full stop of its own, and one
    that ends in "!" or "?" is the subject of the writer's sentence ('"Hail, Caesar!" opens in May')."""
    if not text[:1].isupper() or text[-1] not in ".!?…":
        return False
    if not opens_sentence and not att.masked[max(floor, quote.open_mark - 12) : quote.open_mark].rstrip(
        " \"“‘'«"
    ).endswith(":"):
        return False
    if quote.close_mark is None or said_after:
        return True
    rest = att.masked[quote.close_mark + 1 : min(limit, quote.close_mark + 40)].lstrip(" ”\"’'»")
    return not rest[:1].islower() or att.cued(quote, floor, limit, window=4) or _VOICED.match(rest) is not None


# A crowd's or a voice's words after a quote ('"Nooooo!" the crowd cried out').
_VOICED = re.compile(
    r"(?:\S+\s+){0,3}?(?:cr(?:y|ies|ied)|shout\w*|chant\w*|yell\w*|scream\w*|roar\w*|answer\w*|respond\w*|sang|sings?)\b"
)


# Verbs that frame a few quoted words as what the subject called something ('calling him a "loser"',
# 'dismissed the report as "absurd"', 'accused them of being "traitors"'), not a writer's term.
# "so-called" and "self-described" are the writer's.
_SPEECH_FRAME = re.compile(
    r"(?<![\w-])(?:call(?:ed|ing|s)|referr(?:ed|ing) to|refers to|describ(?:ed|ing|es)|dismiss(?:ed|ing|es)|"
    r"label(?:l?ed|l?ing|s)|brand(?:ed|ing|s)|dubb(?:ed|ing)|dubs|derid(?:ed|ing|es)|hail(?:ed|ing|s)|"
    r"accus(?:ed|ing|es)|decr(?:ied|ying|ies)|blast(?:ed|ing|s)|slamm(?:ed|ing)|slams|mock(?:ed|ing|s)|"
    r"characteriz(?:ed|ing|es)|characteris(?:ed|ing|es))\b"
    r"(?:\s+(?!(?:by|in|on|at|for)\b)[\w'’-]+){0,5}?(?:\s+(?:as|of being|for being|a|an|the|his|her|their|its))?"
    r"[\s,]*[\"“‘'«]*$"
    # 'portrayed his bid as a "crusade"', 'cast him as an "honest broker"': the words of whoever casts them
    r"|(?<![\w-])(?:portray|cast|tout|prais|criticiz|criticis|ridicul|chastis|attack|denounc|lambast|depict|paint|pitch|"
    r"posture|present|brought up|introduc|regard|view)(?:s|es|ed|ing|d)?\b(?:\s+[\w'’.-]+){0,8}?\s+as"
    r"(?:\s+(?:a|an|the|mere|having|being))?[\s,]*[\"“‘'«]*$"
)


# What others hold or present something to be ('a toll seen by drivers as a "tax on work"', 'posts that
# are considered "purely clerical."'): their word for it, not the writer's term.
_HELD_AS = re.compile(
    r"\b(?:seen|considered|deemed|marked)\b(?:\s+[\w'’.,-]+){0,8}?\s+as(?:\s+(?:a|an|the))?[\s,]*[\"“‘'«]*$"
    r"|\b(?:considered|deemed)[\s,]*[\"“‘'«]*$"
    # 'framed the levy as more than just a "fee"', 'offered herself as a "clean hands" candidate',
    # 'waves off the leak as having "no real" effect': what someone presents or dismisses it as
    r"|\b(?:fram|offer|shrugg\w* off|brush\w* off|wav\w* off|laugh\w* off)(?:e|es|ed|s|ing)?\b"
    r"(?:\s+[\w'’.,-]+){0,8}?\s+as(?:\s+(?:a|an|the|mere|having|being|more than just a|more than a))?"
    r"(?:\s+mere)?[\s,]*[\"“‘'«]*$"
    # 'what they call the "stolen" budget': the name some people use
    r"|\b(?:they|we|you|critics|some|many|others|people)\s+(?:now\s+|often\s+|still\s+)?call\b"
    r"(?:\s+[\w'’-]+){0,4}?[\s,]*[\"“‘'«]*$"
    # 'while condemning the "plunder" of', 'slammed the "reckless" plan': the quoted words are what
    # is blamed, in the blamer's words
    r"|\b(?:denounc|condemn|decr|slam|blast|lambast|criticiz|criticis|mock|ridicul|attack|assail|deplor|lament|"
    r"bemoan|reject|dismiss)(?:e|es|ed|s|ing|ied|ies|y|ying|med|ming)?\s+(?:(?:the|a|an|his|her|their|its|what)\s+)?(?:[\w'’-]+\s+){0,2}?[\"“‘'«]*$"
)


def _fragment_speaker(att: Attributor, quote: RawQuote, s_start: int, floor: int) -> Speaker | None:
    """Whose few quoted words these are, after an earlier quote of their sentence that had no speaker.

    'Cruz said the "Green Deal" plan was "a costly mistake"': the title is no one's words, but the
    sentence's cue before it reports the words after it.
    """
    if floor <= s_start:
        return None  # the rules above already read the sentence from its start
    mark = quote.open_mark
    return att.from_cues(s_start, mark, mark) or att.sentence_subject(s_start, mark)


# Someone (a name or a pronoun right before the verb) naming a thing or a person in their own words:
# 'he called Rubio "Little Marco"', 'Trump refers to the governor as "Chris."'. Not 'a book called
# "Women Who Work"' (a lowercase noun before the verb: the title of the thing).
_NAMING_FRAME = re.compile(
    r"(?:\b(?:he|she|they|I|we)|[A-Z][\w'’.-]*)\s+(?:call(?:ed|s)|referr(?:ed)? to|refers to|dubb(?:ed)|dubs|"
    r"label(?:l?ed|s)|brand(?:ed|s))\b(?:\s+(?!(?:by|in|on|at|for)\b)[\w'’-]+){0,4}?(?:\s+(?:as|as the|the|a|an))?"
    r"\s*[\"“‘'«]*$"
)


def _naming_subject(att: Attributor, floor: int, mark: int) -> Speaker | None:
    """Who names something in a title-like quote, when a name or a pronoun calls it that before it."""
    frame = _NAMING_FRAME.search(att.masked, max(floor, mark - 80), mark)
    if frame is None:
        return None
    verb = att.masked.index(" ", frame.start()) + 1
    word = att.masked[frame.start() : verb].strip()
    if word in ("he", "she", "they", "I", "we"):
        return att.pronoun(word, frame.start())
    return att.subject_before(floor, verb)


_SHOW_BEFORE = re.compile(
    r"(?:['’]s|\b(?:on|with|told|watching|hosting|hosted|host of|titled|entitled))[\s,]*[\"“‘'«]?$"
)


# A work named right before its title: 'her memoir, "Salt and Iron,"', 'the quiz show "Top Marks,"',
# 'author of "The Law,"', 'its revival of "Harbour Lights,"'.
_WORK_BEFORE = re.compile(
    r"\b(?:(?:book|autobiography|memoir|novel|biography|film|movie|documentary|show|series|sitcom|podcast|song|"
    r"album|play|musical|opera|ad|advertisement|commercial|column|op-ed|essay|poem|video|exhibit|exhibition)s?"
    r"|(?:author|revival|episode|season|sequel|creator|director|producer|remake|adaptation|version) of)"
    r",?\s*[\"“‘'«]*$"
)


# A translation the writer gives ('"Adiós," Spanish for "goodbye"'): no one's words.
_GLOSS = re.compile(
    r"\b(?:Latin|Spanish|French|German|Italian|Russian|Arabic|Hebrew|Greek|Chinese|Japanese|Portuguese|Turkish|"
    r"Persian|Korean)\s+for\s*[\"“‘'«]*$"
)


_WORK_YEAR = re.compile(r"[”\"’']*,?\s*\((?:1[5-9]|20)\d\d\)")
_CREDIT_AFTER = re.compile(r"[”\"’']*\s(?:star|host|co-host|anchor|actor|actress|creator|showrunner)\s+[A-Z]")
_WORK_BY = re.compile(r"[\s”\"’']*by\s+(?:the\s+)?[A-Z]")
# Words a crowd chants or a sign reads, title-cased as they often are, are still someone's words.
_CHANTED = re.compile(
    r"\b(?:chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|cr(?:y|ies|ied)|read|reads|reading|"
    r"calls of|signs of|cheer(?:s|ed|ing)? for)(?:\s+of)?[\s,:]*[\"“‘'«]*$"
)


def _work_by(att: Attributor, quote: RawQuote, text: str) -> bool:
    """Whether the quote is a work's title and its author or year: a capitalised phrase, then ", by
    Name", "(1996)" ('essays such as "A Declaration of the Rights of Readers" (1996)') or its star."""
    if quote.close_mark is None or not text[:1].isupper():
        return False
    if _WORK_YEAR.match(att.masked, quote.close_mark + 1, quote.close_mark + 12):
        words = _TITLE_WORD.findall(text)
        return len(words) <= 12 and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    if _CREDIT_AFTER.match(att.masked, quote.close_mark + 1, quote.close_mark + 16):
        return True  # '"Orange Is the New Black" star Jane Roe': the show a person is known for
    if text[-1] != ",":
        return False
    return _WORK_BY.match(att.masked, quote.close_mark + 1, quote.close_mark + 12) is not None


# Verbs whose object is the words said ('said "The Hispanics"'), unlike "wrote", "cited" or "called".
_SAYING = re.compile(
    r"sa(?:id|ys?|ying)|suggest(?:ed|s|ing)?|add(?:ed|s|ing)?|repl(?:ied|ies|y|ying)|declar(?:ed|es|ing)"
)


# What a work's title is followed by when the cue after it tells of the work, not of its words: a
# relative clause ('"Harbour Lights," which recounts the flood') or a passive participle ('"Tin
# Crowns," written by a troupe').
_RELATIVE = frozenset({"which", "who", "whose", "that"})


def _cued_after(att: Attributor, quote: RawQuote, limit: int) -> bool:
    """Whether a reporting cue within three words after the quote reports it ('"No way," wrote Roe')."""
    if quote.close_mark is None:
        return False
    cue = att.first_cue(quote.close_mark + 1, limit)
    if cue is None:
        return False
    between = att.masked[quote.close_mark + 1 : cue[1]].replace(",", " ").split()
    if len(between) > 3 or any(w in _RELATIVE for w in between):
        return False
    return not att.masked.startswith(" by ", cue[2])


def _spoken(att: Attributor, quote: RawQuote, text: str, said_after: bool, floor: int, limit: int) -> bool:
    """Whether a title-like quote is speech: said right before or after it, and not a show's name."""
    if _SHOW_BEFORE.search(att.masked, max(floor, quote.open_mark - 12), quote.open_mark):
        return False  # "on CNN's "New Day," Gillibrand said": the show, not the words
    if _WORK_BEFORE.search(att.masked, max(floor, quote.open_mark - 28), quote.open_mark):
        return False  # 'In her new memoir, "Salt and Iron," and on the radio, Roe said': the book
    if _CHANTED.search(att.masked, max(floor, quote.open_mark - 30), quote.open_mark):
        return True  # 'fans chanted, "Build a Wall"', 'a sign that read "Hispanics 4 Trump"': someone's words
    if said_after or (text[-1] in ",.!?…" and _cued_after(att, quote, limit)):
        return True
    # 'said, "No."', 'He said "The Hispanics" and': the cue's own words; not 'the author who wrote "..."'
    cue = att.first_cue(max(floor, quote.open_mark - 24), quote.open_mark)
    if cue is None or att.masked[cue[2] : quote.open_mark].strip(" ,:\"“‘'«"):
        return False
    return text[-1] in ".!?…" or _SAYING.fullmatch(att.masked, cue[1], cue[2]) is not None
