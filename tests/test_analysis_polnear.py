"""The PolNeAR evaluation mode, on a tiny corpus in the same layout written here (invented text)."""

from __future__ import annotations

from pathlib import Path

from reader.analysis.evaluate import main
from reader.analysis.evaluate_polnear import evaluate_split
from reader.analysis.polnear_read import align, names_someone, quoted_parts, read_attributions, speaker_matches
from reader.analysis.polnear_sources import source_matches

TITLE = "Council  votes on the bridge"
BODY = (
    "Mayor Jane Holloway spoke on Monday.\u00a0\n\n"
    "\u201cWe will build it,\u201d Holloway said. \u201cIt is time.\u201d\n\n"
    "Critics said the plan was \u201ca folly\u201d and officials disagreed with the critics."
)
TEXT = f"{TITLE}\n\n{BODY}\n"


def _span(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    at = text.index(piece, start)
    return at, at + len(piece)


def _ann(attributions: list[tuple[str, str, str]], text: str = TEXT) -> str:
    """brat lines for (source, cue, content) pieces of ``text``, each found after the previous content."""
    lines, n, pos = [], 1, 0
    for source, cue, content in attributions:
        ids = []
        for label, piece in (("Source", source), ("Cue", cue), ("Content", content)):
            a, b = _span(text, piece, pos if label == "Content" else 0)
            lines.append(f"T{n}\t{label} {a} {b}\t{piece}")
            ids.append(f"T{n}")
            n += 1
        pos = _span(text, content, pos)[1]
        lines.append(f"E{n}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}")
        n += 1
    return "\n".join(lines) + "\n"


def _corpus(root: Path) -> Path:
    data = root / "data" / "dev"
    (data / "text").mkdir(parents=True)
    (data / "attributions").mkdir()
    (data / "text" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    first = _ann(
        [
            ("Holloway", "said", "\u201cWe will build it,\u201d"),
            ("Holloway", "said", "\u201cIt is time.\u201d"),
            ("Critics", "said", "the plan was \u201ca folly\u201d"),
        ]
    )
    (data / "attributions" / "bridge_a.ann").write_text(first, encoding="utf-8")
    # A second annotator who saw one quote only: the first file in sorted order is the one scored.
    (data / "attributions" / "bridge_b.ann").write_text(first.split("E4")[0], encoding="utf-8")
    return root


def test_offsets_are_carried_from_the_raw_file_to_the_body() -> None:
    from reader.importers.plaintext import parse_text

    body = parse_text(TEXT).body
    mapping = align(TEXT, body, TEXT.index("\n") + 1)
    a, b = _span(TEXT, "We will build it,")
    assert body[mapping[a] : mapping[b]] == "We will build it,"
    a, b = _span(TEXT, "a folly")
    assert body[mapping[a] : mapping[b]] == "a folly"


def test_offsets_after_a_composed_letter_or_a_control_character_still_land_on_their_text() -> None:
    """Some texts spell "â" as "a" and a combining mark, which the importer composes, or carry C1
    controls, which it turns into spaces; every later annotation of the article must still align."""
    from reader.importers.plaintext import parse_text

    mangled = "Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois"  # "A" + tilde, a C1 control, "A" + circumflex
    text = f"Title\n\nPresident {mangled} Roe spoke. \u201cWe will go,\u201d Roe said.\n"
    body = parse_text(text).body
    assert body != text[text.index("\n") + 2 :].rstrip()  # the importer did change the text
    mapping = align(text, body, text.index("\n") + 1)
    a, b = _span(text, "We will go,")
    assert body[mapping[a] : mapping[b]] == "We will go,"
    assert mapping[len(text)] == len(body)


def test_the_inside_of_the_marks_is_the_gold_quote() -> None:
    text = "He said \"one\" and \u201ctwo, three\u201d then ''four.''"
    parts = [text[a:b] for a, b in quoted_parts(text, [(0, len(text))])]
    assert parts == ["one", "two, three", "four."]


def test_a_second_content_span_joins_the_first() -> None:
    """``Content2`` adds its quote to the attribution; it does not replace the first span."""
    text = TEXT
    first, second = _span(text, "\u201cWe will build it,\u201d"), _span(text, "\u201cIt is time.\u201d")
    source = _span(text, "Holloway said")
    ann = (
        f"T1\tSource {source[0]} {source[0] + 8}\tHolloway\n"
        f"T2\tCue {source[1] - 4} {source[1]}\tsaid\n"
        f"T3\tContent {second[0]} {second[1]}\tIt is time.\n"
        f"T4\tContent {first[0]} {first[1]}\tWe will build it,\n"
        "E5\tAttribution:T2 Cue:T2 Source:T1 Content:T3 Content2:T4\n"
    )
    [(content, source_fragments)] = read_attributions(ann)
    assert content == [first, second]
    assert [text[a:b] for a, b in quoted_parts(text, content)] == ["We will build it,", "It is time."]
    assert [text[a:b] for a, b in source_fragments] == ["Holloway"]


def test_names_and_surname_matching() -> None:
    words = {"critics", "officials"}
    assert names_someone("Holloway", words) and names_someone("The New York Post", words)
    assert not names_someone("Critics", words)
    assert not names_someone("the Florida senator", words)
    assert not names_someone("a New Hampshire Republican", words)
    assert speaker_matches("Jane Holloway", "Mayor Holloway")
    assert speaker_matches("Lou Jiwei", "Mr. Lou")
    assert not speaker_matches("Jane Holloway", "Critics")
    assert not speaker_matches(None, "Holloway")


def test_split_is_scored_with_its_first_annotator(tmp_path: Path) -> None:
    result = evaluate_split(_corpus(tmp_path), "dev")
    assert result.articles == 1
    assert result.quotes.gold == 3  # two spoken quotes and the quoted words of the paraphrase
    assert result.named_total == 2  # "Critics" is not a name: the word is also written in lowercase
    assert result.speakers_right == result.named_matched == 2


def test_command_prints_figures_and_errors(tmp_path: Path, capsys) -> None:
    assert main(["--polnear", str(_corpus(tmp_path)), "--split", "dev", "--errors", "2"]) == 0
    out = capsys.readouterr().out
    assert "quotes   P" in out and "speakers accuracy 1.000" in out and "by confidence:" in out
    assert "sources  P" in out and "source errors:" in out


def test_command_reports_a_folder_that_is_not_polnear(tmp_path: Path, capsys) -> None:
    assert main(["--polnear", str(tmp_path), "--split", "dev"]) == 1
    assert "evaluate:" in capsys.readouterr().err


HARBOUR = (
    "Harbour fees to rise\n\n"
    "The Port Authority said on Tuesday that the fees would rise in the spring.\n\n"
    "Dock workers told the Daily Courier they were worried about their jobs. "
    "According to Marlow, the plan is sound.\n\n"
    "Critics argued that the fees were too high. Republicans said the fees were a tax. Ships will come anyway, in "
    "the view of Hollis. The harbour master was sure of it, Ellery Vance believes.\n"
)


def test_sources_are_the_named_sources_of_every_attribution(tmp_path: Path) -> None:
    data = tmp_path / "data" / "dev"
    (data / "text").mkdir(parents=True)
    (data / "attributions").mkdir()
    (data / "text" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    ann = _ann(
        [
            ("The Port Authority", "said", "that the fees would rise in the spring"),
            ("Dock workers", "told", "they were worried about their jobs"),  # not a name; the venue is a source
            ("Marlow", "According to", "the plan is sound"),
            ("Critics", "argued", "that the fees were too high"),  # capitalised only as it opens a sentence
            ("Republicans", "said", "the fees were a tax"),  # a group, not a named source
            ("Hollis", "in the view of", "Ships will come anyway"),  # named, and not found
        ],
        HARBOUR,
    )  # "Ellery Vance believes" is left unannotated, as annotators sometimes do
    (data / "attributions" / "harbour_a.ann").write_text(ann, encoding="utf-8")
    sources = evaluate_split(tmp_path, "dev").sources
    assert (sources.gold_found, sources.gold) == (2, 3)  # the Port Authority and Marlow, not Hollis
    assert (sources.predicted_matched, sources.predicted) == (3, 4)  # the Daily Courier by its venue
    assert round(sources.f1, 3) == round(2 * (2 / 3) * (3 / 4) / (2 / 3 + 3 / 4), 3)


def test_an_organisation_matches_by_a_distinctive_word_of_its_name() -> None:
    assert source_matches(["Federal Bureau of Investigation", "FBI"], "organization", "the FBI director")
    assert source_matches(["Quinnipiac University"], "organization", "a Quinnipiac poll")
    assert not source_matches(["State Department"], "organization", "the Justice Department")
    assert source_matches(["Daily Courier"], "outlet", "told the Daily Courier on Monday")
    assert not source_matches(["Ellery Vance"], "person", "Mr. Quill")
