"""What a reader sees in the Quotes, People and Sources panes for typical news writing."""

from __future__ import annotations

import json
import subprocess
import sys

from reader.analysis import ANALYZER_VERSION, analyze
from reader.analysis.evaluate import normalize_name
from reader.models import Link
from tests.conftest import ROOT, SEED_EXPECTED, SEED_TXT


def _speakers(body: str) -> list[tuple[str, str | None, bool]]:
    return [(q.text, q.speaker, q.scare) for q in analyze(body).quotes]


def _names(entries: list[dict]) -> set[str]:
    return {normalize_name(e["name"]) for e in entries}


def test_seed_matches_its_expected_file() -> None:
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    out = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(SEED_TXT), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result = json.loads(out.stdout)
    assert result["title"] == expected["title"]
    got = [(q["text"], q["speaker"], q["scare"]) for q in result["quotes"]]
    want = [(q["text"], q["speaker"], q["scare"]) for q in expected["quotes"]]
    assert got == want
    required = _names([p for p in expected["people"] if not p.get("optional")])
    optional = _names([p for p in expected["people"] if p.get("optional")])
    people = _names(result["people"])
    assert required <= people and people - required <= optional
    assert _names(result["sources"]) == _names(expected["sources"])
    assert {s["name"]: s["kind"] for s in result["sources"]} == {s["name"]: s["kind"] for s in expected["sources"]}


def test_offsets_point_at_the_quoted_words() -> None:
    body = SEED_TXT.read_text(encoding="utf-8").split("1246\n\n", 1)[1]
    for quote in analyze(body).quotes:
        assert body[quote.start : quote.end] == quote.text


def test_quote_split_by_its_attribution_gives_two_items_one_speaker() -> None:
    body = '"We are ready," Prime Minister Jane Holloway told reporters, "and we will not wait."'
    assert _speakers(body) == [
        ("We are ready,", "Jane Holloway", False),
        ("and we will not wait.", "Jane Holloway", False),
    ]


def test_both_orders_and_inverted_said() -> None:
    body = (
        'Mayor Carlos Mendes said: "The bridge opens in May."\n\n'
        '"It will cost less than planned," said Ruth Okafor, the city treasurer.'
    )
    assert [s for _, s, _ in _speakers(body)] == ["Carlos Mendes", "Ruth Okafor"]


def test_pronoun_takes_the_nearest_fitting_person() -> None:
    body = 'Coach Peter Lindqvist praised the young goalkeeper, Anna Berg. "I am proud of the whole team," he said.'
    assert _speakers(body) == [("I am proud of the whole team,", "Peter Lindqvist", False)]


def test_following_paragraph_of_quote_inherits_its_speaker() -> None:
    body = (
        'Dr Amina Yusuf said, "We saw the first cases in March.\n\n'
        '"By June every ward was full."\n\n'
        "The hospital has since hired more staff."
    )
    assert [s for _, s, _ in _speakers(body)] == ["Amina Yusuf", "Amina Yusuf"]


def test_organisation_speaks_and_is_a_source() -> None:
    body = 'The World Meteorological Organization said in a statement, "Records will keep falling."'
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == "World Meteorological Organization"
    assert analysis.quotes[0].speaker_type == "organization"
    assert [s.name for s in analysis.sources] == ["World Meteorological Organization"]


def test_unknown_speaker_stays_empty() -> None:
    body = 'A sign on the door read "Closed until further notice, sorry for the trouble."'
    assert _speakers(body)[0][1] is None
    # Reported speech whose speaker the text never names is still speech, not a scare quote.
    assert _speakers('"Not today," she said.') == [("Not today,", None, False)]


def test_scare_quotes_and_partial_reported_speech() -> None:
    body = (
        'The robot, named "Sparky", won a prize for "best design".\n\n'
        'Senator Maria Lopez called the plan "a dastardly act".'
    )
    assert _speakers(body) == [
        ("Sparky", None, True),
        ("best design", None, True),
        ("a dastardly act", "Maria Lopez", False),
    ]


def test_apostrophes_are_not_quotes_and_nested_quotes_are_items() -> None:
    body = "Ukraine’s army didn't stop. \"They called it 'a miracle' on the radio,\" said Olga Petrenko."
    quotes = analyze(body).quotes
    assert [q.text for q in quotes] == ["They called it 'a miracle' on the radio,", "a miracle"]
    assert quotes[1].scare and quotes[0].speaker == "Olga Petrenko"


def test_guillemets_and_single_quotes_as_primary_marks() -> None:
    assert [q.text for q in analyze("Il a dit «nous partons demain» hier.").quotes] == ["nous partons demain"]
    body = "'We will appeal,' said lawyer Tom Reid. The club's chairman declined to comment."
    assert _speakers(body) == [("We will appeal,", "Tom Reid", False)]


def test_unbalanced_marks_do_not_break_the_rest() -> None:
    body = 'He said "this never closes\n\nA new paragraph with "a real quote" inside.'
    quotes = analyze(body).quotes
    assert [q.text for q in quotes][-1] == "a real quote"


def test_people_roles_aliases_and_names_inside_organisations() -> None:
    body = (
        "Russian President Vladimir Putin met reporter Hanna Liubakova. Putin’s aides stayed outside. "
        "Volunteers joined the Kastus Kalinouski Battalion. A 38-year-old named Aleksandr joined too. "
        "In March, Belarus and Ukraine were discussed by The Washington Post."
    )
    people = {p.name: p for p in analyze(body).people}
    assert set(people) == {"Vladimir Putin", "Hanna Liubakova", "Aleksandr"}
    assert people["Vladimir Putin"].role == "Russian President"
    assert people["Vladimir Putin"].aliases == ("Putin",)
    assert people["Hanna Liubakova"].role == "reporter"
    assert people["Aleksandr"].role == "38-year-old"  # what the article calls him before naming him
    assert len(people["Vladimir Putin"].mentions) == 2


def test_roles_keep_the_country_before_them_and_come_from_dashed_asides() -> None:
    body = (
        "Belarusian leader Alexander Lukashenko backed the plan. Tunisia's coach Nabil Maaloul did not. "
        "Pavel Kulazhanka — who fled Belarus in 2020 and is a member of the battalion fighting for Ukraine — "
        "told the Post the unit was growing."
    )
    people = {p.name: p.role for p in analyze(body).people}
    assert people["Alexander Lukashenko"] == "Belarusian leader"
    assert people["Nabil Maaloul"] == "Tunisia's coach"
    assert people["Pavel Kulazhanka"] == "member of the battalion fighting for Ukraine"


def test_outlet_aliases_are_merged() -> None:
    body = "The Washington Post explains the plan. Officials told the Post that it was final."
    sources = analyze(body).sources
    assert [(s.name, s.kind) for s in sources] == [("The Washington Post", "outlet")]
    assert "the Post" in sources[0].aliases


def test_links_from_text_and_importer_without_duplicates() -> None:
    body = "Read more at https://example.org/report. Or see www.example.net for data."
    kept = [Link(url="https://example.org/report", text="the report")]
    links = analyze(body, links=kept).links
    assert [link.url for link in links] == ["https://example.org/report", "http://www.example.net"]
    assert links[0].text == "the report"


def test_version_is_set_and_import_stays_light() -> None:
    assert analyze("").version == ANALYZER_VERSION
    code = (
        "import sys, reader.analysis; print(sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_analysis_output_is_the_recorded_one_for_this_version() -> None:
    """Stored analyses are redone only when ANALYZER_VERSION changes, so the same version must give
    the same output; see tests/analysis_fingerprint.py to record a new version's digest."""
    import json

    from reader.analysis import ANALYZER_VERSION
    from tests.analysis_fingerprint import RECORD, fingerprint

    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    assert ANALYZER_VERSION in recorded, f"no digest recorded for analyzer {ANALYZER_VERSION}"
    assert fingerprint() == recorded[ANALYZER_VERSION], (
        f"the analysis output changed under analyzer {ANALYZER_VERSION}: bump ANALYZER_VERSION and record "
        "the new digest with 'python -m tests.analysis_fingerprint'"
    )
