"""Shapes of organisation and outlet names that the capitalised runs alone miss or misjudge.

"The Brooklyn Paper" and "BBC Sport" are outlets though their last words are not the lexicon's outlet
words. Bodies with a lowercase head or a date in their name are in ``org_lower_heads``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from reader.analysis import lexicon as lx
from reader.analysis.tokens import (
    ORG_CONNECTORS,
    Token,
    is_word_char,
    matches_at,
    stem_starts,
    word_offsets,
)

# Capitals that are no body's initials.
ACRONYM_STOP = lx._words("US USA UK UAE EU UN TV VR CEO GMT AM PM OK ID IQ NZ MP QC SC DC LA PC IT AI HIV AIDS DNA")
ORG_HEADS = lx._words(
    "Ministry Department Authority Agency Council Committee Commission Organisation Organization House Institute "
    "University College School Foundation Association Union Party Church Police Office Court Bank Corporation "
    "Corp Corp. Inc Inc. Ltd Ltd. LLC Company Co. Group Army Navy Force Forces Troops Board Centre Center Society "
    "Club Federation League Battalion Brigade Regiment Movement Front Network Service Services Bureau Parliament "
    "Congress Senate Assembly Government Administration Hospital Museum Alliance Coalition Tribunal Embassy "
    "Mission Trust Fund Exchange Reserve Treasury District Legion Corps Institution Industries Enterprises Media "
    "Academy Laboratory Laboratories Project Foundation's Agency's Department's Ministry's Council's Division "
    "Directorate Inspectorate Observatory Secretariat Centers Centres Watch Municipality Prefecture"
)
# Heads of bodies named with their purpose after "to" ("Committee to Protect Journalists"); not "House",
# "Senate" or "Police", which title-case headlines write before a verb ("White House to Announce ...").
PURPOSE_HEADS = lx._words(
    "Committee Commission Council Center Centre Coalition Alliance Foundation Fund Movement Project "
    "Network Society Association League Institute Federation Organization Organisation "
    "Union Front Mission Trust"
)


def purpose_starts(text: str) -> set[int]:
    """Where the purpose in a body's name begins ("Protect Journalists" of "Committee to Protect
    Journalists"): capitalised words there are no name of their own. Looked for from each " to "."""
    starts = set()
    at = text.find(" to ")
    while at >= 0:
        if text[at + 4 : at + 5].isupper() and text[text.rfind(" ", 0, at) + 1 : at] in PURPOSE_HEADS:
            starts.add(at + 4)
        at = text.find(" to ", at + 4)
    return starts


# Last words of companies' and groups' names ("Malaysia Airlines", "Acme Systems", "Amnesty International"):
# they make a name a body only as its last word, since before a head they are adjectives or things
# ("International Space Station", "Systems Command").
COMPANY_ENDS = lx._words(
    "Airlines Airways Systems Technologies Motors Holdings Partners Labs Studios Records Pharmaceuticals "
    "International Communications Networks Entertainment Productions Ventures Electronics Petroleum Railways "
    "Telecom Insurance Brands Foods Logistics"
)

# Last words of outlets' names besides the lexicon's ("The Brooklyn Paper", "BBC Sport", "BBC News Online"), and
# words that make any name an outlet ("Australian Broadcasting Corporation").
OUTLET_TAILS = lx._words("Paper Newspaper Sport Sports Newsroom Channel Online")
OUTLET_ENDS = lx.OUTLET_WORDS | OUTLET_TAILS  # the last words that make a name an outlet's


def names_outlet(words: Sequence[str]) -> bool:
    """Whether the words name an outlet by the whole name or its last word ("Time Magazine", "BBC Sport")."""
    return " ".join(words) in lx.KNOWN_OUTLETS or words[-1] in OUTLET_ENDS


OUTLET_ANYWHERE = lx._words("Broadcasting Broadcaster")
# "The Guardian", "The Independent": one word after "The" that names an outlet on its own.
THE_OUTLETS = lx._words("Guardian Independent Observer Economist Telegraph Times Post Herald Tribune Gazette Inquirer")


_EDGE = lx.STOP_CAPS | ORG_CONNECTORS | lx.DAYS | lx.MONTHS
# Sentence openers of the stop list that also open bodies' names when another name word follows.
NAME_OPENERS = lx._words("State Police Government Court Church Group Crown Internet Web Sea Environment Executive")


_TAIL = ORG_CONNECTORS | lx.DAYS | lx.MONTHS


def today_outlet(words: Sequence[str]) -> bool:
    """Whether a name of two or three words ends in "Today" after a name word: an outlet's ("India Today")."""
    return 1 < len(words) < 4 and words[-1] == "Today" and words[-2] not in _EDGE


def _trim(run: list[Token]) -> list[Token]:
    if (
        len(run) > 1
        and run[-1].text in _EDGE
        and " ".join(t.text for t in run[run[0].text == "The" :]) in lx.KNOWN_OUTLETS
    ):
        return run  # "USA Today": a known outlet whose last word is a sentence opener
    if run and run[-1].text == "Today" and today_outlet([t.text for t in run]):
        return run  # "Russia Today", "India Today": a channel's or a paper's name (see today_outlet)
    low, high = 0, len(run)
    while low < high and run[low].text in _EDGE and run[low].text != "The":
        if run[low].text in ORG_HEADS and low + 1 < high and run[low + 1].text == "of":
            break  # "Church of Scientology", "Ministry of Defence"
        if run[low].text in NAME_OPENERS and low + 1 < high and run[low + 1].text not in _EDGE:
            break  # "the State Department", "Government Accountability Office"
        low += 1
    while high > low and (run[high - 1].text in _EDGE or run[high - 1].text in lx.TITLES):
        if run[high - 1].text in ORG_HEADS and high - low > 1 and run[high - 2].text not in _EDGE:
            break  # "United Gun Group", "the Vatican Police": a head noun that also opens sentences
        if high - low > 2 and run[high - 2].text in ("of", "the") and any(t.text in ORG_HEADS for t in run[low:high]):
            break  # "Department of Justice", "Office of the President": a title after a head and "of"
        high -= 1
    while high > low and run[high - 1].text in _TAIL:
        high -= 1
    return run[low:high]


def _split_and(part: list[Token]) -> list[list[Token]]:
    """'Massachusetts Institute of Technology and Colorado State University' names two bodies."""
    if len(part) < 3:
        return [part[:]]  # most parts: no word between two others to split at
    head_after = [False] * (len(part) + 1)  # whether part[i:] holds an organisation head
    for i in range(len(part) - 1, -1, -1):
        head_after[i] = head_after[i + 1] or part[i].text in ORG_HEADS
    pieces, start, head_before = [], 0, False
    for i, token in enumerate(part):
        if token.text == "and" and start < i < len(part) - 1 and head_before and head_after[i + 1]:
            pieces.append(part[start:i])
            start, head_before = i + 1, False
            continue
        head_before = head_before or token.text in ORG_HEADS
    return [*pieces, part[start:]]


def of_an_outlet(words: list[str]) -> int:
    """Where an outlet's name starts after a name and "of" ("Dodds of Time Magazine", "Vorn of The Harbour
    Times"), or a body's after a person's two or three words ("Ann Bell of Human Rights Watch"): 0 when the
    words before "of" hold a body's or an outlet's word ("Voice of America", "Times of India", "Friends of
    the Earth" keep their "of")."""
    if "of" not in words[1:3] or words[0] == "The":
        return 0
    at = words.index("of")
    tail = [w for w in words[at + 1 :] if w != "the"]
    before = words[:at]
    if not tail or any(w in ORG_HEADS or w in OUTLET_ENDS for w in before):
        return 0
    if names_outlet(tail):
        return at + 1
    if len(before) in (2, 3) and any(w in ORG_HEADS for w in tail) and _person_shaped(before):
        return at + 1  # "Vasundhara Kolhe of Harbour Rights Watch", "Ann Bell of Harbour Policy Institute"
    return 0


def _person_shaped(words: list[str]) -> bool:
    """Two or three capitalised words that name no place, people, title or body: a person's name maybe."""
    return all(
        w[:1].isupper()
        and w not in lx.ORG_WORDS
        and w not in lx.PLACES
        and w not in lx.NATIONALITIES
        and w not in lx.TITLES
        and w not in lx.STOP_CAPS
        for w in words
    )


# Words in names are bounded ({0,60}) so that a giant "word" cannot make a regex rescan it from every letter.
# Word alternations begin with a letter and check the word boundary after it (``(?<!\w.)``), so that the
# regex engine skips to those letters instead of trying ``\b`` at every position; same matches.
_CUED_BEFORE = re.compile(  # \b(?:magazine|newspaper|broadcaster|news agency|news site|tabloid|daily|journal)\s+(...)
    r"(?:m(?<!\w.)agazine|n(?<!\w.)(?:ewspaper|ews agency|ews site)|b(?<!\w.)roadcaster|t(?<!\w.)abloid|d(?<!\w.)aily"
    r"|j(?<!\w.)ournal)"
    r"\s+((?:[A-Z][\w.&-]{0,60}\s?){1,4})"
)
# The same set off by commas: "Jordan's state news agency, Petra, identified" (not "in the newspaper, Roe said").
_CUED_APPOSITIVE = re.compile(
    r"(?:m(?<!\w.)agazine|n(?<!\w.)(?:ewspaper|ews agency|ews site)|b(?<!\w.)roadcaster|t(?<!\w.)abloid|d(?<!\w.)aily)"
    r",\s+((?:[A-Z][\w.&-]{0,60}\s?){1,4})(?<!\s),"
)
_CUED_AFTER = re.compile(
    r"((?:\b[a-z]{1,3}-)?[A-Z][\w.&-]{0,60}(?:\s+[A-Z][\w.&-]{0,60}){0,3})\s+"
    r"(?:news agency|television|radio|newspaper|broadcaster|magazine)\b"
)

# The words each pattern needs: most articles have none, and a pattern whose words are missing is not run;
# every match of _CUED_BEFORE opens with one of its words.
_CUE_WORDS_BEFORE = ("magazine", "newspaper", "broadcaster", "news agency", "news site", "tabloid", "daily", "journal")
_CUE_WORDS_AFTER = ("news agency", "television", "radio", "newspaper", "broadcaster", "magazine")

# "New York-based", "Chicago-area", "Spanish-language": a compound describing what follows, not a name.
COMPOUND_END = re.compile(r"-(?:based|area|era|owned|run|funded|backed|led|born|language|speaking|lingual)$")


# A match of _CUED_AFTER holds only word characters, ".&-" and whitespace, so it lies between two characters
# of none of these; the pattern opens with no fixed text and is tried from every capital letter, so it is
# run only over the stretches between such characters that hold one of its kind words.
_CUED_AFTER_KIND = re.compile(r"\s(?:news agency|television|radio|newspaper|broadcaster|magazine)\b")
_OUTSIDE_CUED_AFTER = re.compile(r"[^\w.&\s-]")


def _cued_after_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_CUED_AFTER.finditer(text)``, in order, looked for only where they may be."""
    reversed_text = None
    end = 0  # where the last stretch searched ends
    for kind in _CUED_AFTER_KIND.finditer(text):
        if kind.start() < end:
            continue  # in the stretch already searched
        if reversed_text is None:
            reversed_text = text[::-1]
        before = _OUTSIDE_CUED_AFTER.search(reversed_text, len(text) - kind.start())
        start = len(text) - before.start() if before is not None else 0
        after = _OUTSIDE_CUED_AFTER.search(text, kind.end())
        end = after.start() if after is not None else len(text)
        yield from _CUED_AFTER.finditer(text, start, end)


def cued_outlets(text: str) -> Iterator[tuple[str, int]]:
    """(name, start) of each outlet named with its kind in lowercase ("magazine MicroMega", "al-Ikhbariya
    television", "Yonhap news agency")."""
    # The two patterns that open with the kind are matched where its words are, found once for both (and
    # none where they are not); the kind words after a name are most of them too, so only the other two are
    # looked for in the whole text again.
    starts = stem_starts(text, _CUE_WORDS_BEFORE)
    for pattern in (_CUED_BEFORE, _CUED_APPOSITIVE, _CUED_AFTER):
        if pattern is not _CUED_AFTER:
            matches = matches_at(pattern, text, starts)
        elif any(text.startswith(_CUE_WORDS_AFTER, at) for at in starts) or any(
            word in text for word in _CUE_WORDS_AFTER if word not in _CUE_WORDS_BEFORE
        ):
            matches = _cued_after_matches(text)
        else:
            continue
        for match in matches:
            name = match.group(1).strip()
            name = name[:-1] if name.endswith(".") and "." not in name[:-1] else name  # "news agency Reuters."
            words = name.split()
            while words and (words[0] in lx.STOP_CAPS or words[0] in lx.NATIONALITIES or words[0] in lx.PLACES):
                if words[0] in lx.PLACES and pattern is not _CUED_AFTER and len(words) > 1:
                    break  # "news site Dublin Live": a place that opens the name after its kind is the name's
                words = words[1:]
            if not words or words[-1] in lx.PLACES or words[-1] in lx.STOP_CAPS or COMPOUND_END.search(words[-1]):
                continue  # "an influential New York-based newspaper" names no outlet
            name = " ".join(words)
            start = match.start(1) + match.group(1).index(words[0])
            yield name, start


def the_head_spans(text: str, head: str) -> list[tuple[int, int]]:
    """The spans of "the Ministry", "The University" (``head`` after "the") that no capitalised word or
    "of" follows: the matches of ``\\b[Tt]he (head)\\b(?!\\s+(?:[A-Z]|of\\b))``, found from ``word_offsets``
    without a pattern compiled per head."""
    spans = []
    size = len(text)
    for at in word_offsets(text, head):
        start = at - 4
        if start < 0 or text[start + 1 : at] != "he " or text[start] not in "Tt":
            continue
        if start and is_word_char(text[start - 1]):
            continue
        end = at + len(head)
        after = end
        while after < size and text[after].isspace():
            after += 1
        if after > end and after < size:
            if "A" <= text[after] <= "Z":
                continue
            if text.startswith("of", after) and not (after + 2 < size and is_word_char(text[after + 2])):
                continue
        spans.append((start, end))
    return spans


def _run_end(run: list[Token]) -> int:
    return run[-1].end


def joined_by_of_the(text: str, runs: list[list[Token]]) -> list[list[Token]]:
    """The runs, a head's run joined to the run after " of the " ("Supreme Council of the Armed Forces",
    "Ministry of the Interior"), which the runs split, as two connectors in a row join nothing; not a place
    after "of the" ("National Cyber Security Centre of the UK"), which says where the body is. Also a
    body's run joined to the purpose after " to " ("Committee to Protect Journalists", "Center to Prevent
    Gun Violence"), which "Protect Journalists" alone would make a person. Looked for from each connector
    (str.find), as most runs are followed by none."""
    joined: dict[int, tuple[int, str]] = {}  # index of a run -> index of the run joined to it, connector
    for connector, heads in ((" of the ", ORG_HEADS), (" to ", PURPOSE_HEADS)):
        at = text.find(connector)
        while at >= 0:
            after = at + len(connector)
            if text[after : after + 1].islower() or text[text.rfind(" ", 0, at) + 1 : at] not in heads:
                at = text.find(connector, after)  # most are not a head's: "one of the", "the Ministry of the economy"
                continue
            i = bisect.bisect_left(runs, at, key=_run_end)  # the run ending there, if any (runs are in text order)
            if (
                i + 1 < len(runs)
                and runs[i][-1].end == at
                and runs[i][-1].text in heads
                and runs[i + 1][0].start == after
                and not all(t.text in lx.PLACES or t.text in ACRONYM_STOP for t in runs[i + 1])
                and (connector == " of the " or len(runs[i + 1]) > 1)  # "sent the Council to Geneva": a place
            ):
                joined[i] = (i + 1, connector)
            at = text.find(connector, after)
    if not joined:
        return runs
    found, i = [], 0
    while i < len(runs):
        run = runs[i]
        while i in joined:  # new lists, as the runs are shared
            at = run[-1].end
            words = joined[i][1].split()
            between = [Token(word, at + 1 + 4 * k, at + 1 + 4 * k + len(word)) for k, word in enumerate(words)]
            run = [*run, *between, *runs[i + 1]]
            i += 1
        found.append(run)
        i += 1
    return found


# Words of regions that the lexicon's places do not hold alone: "Middle East", "Latin America".
_REGION_WORDS = frozenset({"Middle", "Latin", "Central", "Eastern", "Western", "Northern", "Southern", "and", "the"})


def after_region(words: list[str]) -> int:
    """Where the body begins after "for" when only a region comes before it (a director "of Middle East
    and North Africa for Amnesty International"), else 0."""
    k = words.index("for")
    j = 0
    while j < k and (words[j] in lx.TITLES or (j and words[j] == "of" and words[j - 1] in lx.TITLES)):
        j += 1  # "Deputy Director of Middle East ... for": a title of the region
    if j < k < len(words) - 1 and all(w in lx.PLACES or w in _REGION_WORDS for w in words[j:k]):
        return k + 1
    return 0
