"""A newcomer's first day on the command line: `make run`, pipes, id prefixes, edits of details."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def run_reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI as a pipe sees it: stdout is not a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env or os.environ.copy()
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_opens_the_users_library_not_the_repository_sample() -> None:
    plain = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    [command] = [line for line in plain.splitlines() if "bin/reader" in line]
    assert "data/articles.json" not in command and "--store" not in command
    other = subprocess.run(
        ["make", "-n", "run", "STORE=/tmp/elsewhere/articles.json"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert "--store '/tmp/elsewhere/articles.json'" in other


@pytest.fixture
def many_store(tmp_path: Path) -> Path:
    """Twenty plain-text articles with long titles: more than 16, so two ids share a first character."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for number in range(20):
        title = f"Article number {number} about the long-running talks between the delegations in Geneva and Minsk"
        body = f"Talks went on for the {number}th day. “We will not give up,” said Anna Kowalska, a negotiator."
        (folder / f"a{number:02}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    store = tmp_path / "lib" / "articles.json"
    result = run_reader("import", "--store", str(store), "-q", str(folder))
    assert result.returncode == 0, result.stderr
    return store


def test_piped_list_prints_one_article_per_line_without_colour(many_store: Path) -> None:
    result = run_reader("list", "--store", str(many_store))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + 20  # the header and one line per article: no title wrapped over several lines
    assert all("Geneva and Minsk" in line for line in lines[1:])
    assert "\x1b[" not in result.stdout
    assert not any(line.endswith(" ") for line in lines)


def test_piped_search_prints_one_hit_per_line(many_store: Path) -> None:
    result = run_reader("search", "--store", str(many_store), "negotiator", "--limit", "50")
    assert result.returncode == 0, result.stderr
    hits = [line for line in result.stdout.splitlines() if "Geneva and Minsk" in line]
    assert len(hits) == 20
    assert all("Anna Kowalska" in line for line in hits)  # the snippet is on the hit's own line


def test_a_date_only_search_shows_no_timestamp_as_a_score(many_store: Path) -> None:
    result = run_reader("search", "--store", str(many_store), "after:2000-01")
    assert result.returncode == 0, result.stderr
    assert "20 articles match" in result.stdout
    for line in result.stdout.splitlines()[1:]:
        assert not any(word.replace(".", "").isdigit() and len(word) > 6 for word in line.split()), line
    data = run_reader("search", "--store", str(many_store), "after:2000-01", "--json")
    assert '"ranked": false' in data.stdout


def test_a_short_or_ambiguous_id_prefix_says_so(many_store: Path) -> None:
    listed = run_reader("list", "--store", str(many_store), "--json")
    import json

    ids = [row["id"] for row in json.loads(listed.stdout)]
    first = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    count = sum(i.startswith(first) for i in ids)
    result = run_reader("show", "--store", str(many_store), first)
    assert result.returncode == 1
    assert f"'{first}' matches {count} articles:" in result.stderr
    assert "Traceback" not in result.stderr
    unique = next(i for i in ids if sum(j.startswith(i[:2]) for j in ids) == 1)
    result = run_reader("show", "--store", str(many_store), unique[:2])
    assert result.returncode == 1 and "ids need at least 4 characters" in result.stderr
    assert run_reader("show", "--store", str(many_store), unique[:4]).returncode == 0


def test_show_lists_scare_quotes_as_quoted_terms_not_unattributed(sample_store: Path) -> None:
    result = run_reader("show", "--store", str(sample_store), "3deb08903082")
    assert result.returncode == 0, result.stderr
    assert "unattributed" not in result.stdout
    [terms] = [line for line in result.stdout.splitlines() if line.startswith("Quoted terms")]
    assert "“thousands”" in terms
    quotes = result.stdout.split("\nQuotes\n")[1].split("\n\n")[0]
    assert "thousands" not in quotes


# -- 7. articles without a source or date ------------------------------------------------------
@pytest.fixture
def mixed_store(tmp_path: Path) -> Path:
    """A dated article (JSON) and an undated plain-text one, imported after it."""
    import json

    dated = tmp_path / "dated.json"
    dated.write_text(
        json.dumps(
            [
                {
                    "title": "Dated report",
                    "body": "The talks resumed on Monday in Geneva.",
                    "source": "Reuters",
                    "published": "2024-02-01",
                }
            ]
        ),
        encoding="utf-8",
    )
    undated = tmp_path / "notes.txt"
    undated.write_text("Undated notes\n\nThe delegates met again, a witness said.\n", encoding="utf-8")
    store = tmp_path / "lib" / "articles.json"
    for source in (dated, undated):
        result = run_reader("import", "--store", str(store), "-q", str(source))
        assert result.returncode == 0, result.stderr
    return store


def list_json(store: Path) -> list[dict[str, object]]:
    import json

    result = run_reader("list", "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_undated_articles_sort_after_dated_ones(mixed_store: Path) -> None:
    rows = list_json(mixed_store)
    assert [row["title"] for row in rows] == ["Dated report", "Undated notes"]
    assert rows[1]["source"] == "notes.txt" and rows[1]["published"] is None


def test_edited_details_show_in_list_search_and_export_and_survive_a_reimport(
    mixed_store: Path, tmp_path: Path
) -> None:
    import json

    store = str(mixed_store)
    undated = next(row for row in list_json(mixed_store) if row["title"] == "Undated notes")
    assert run_reader("search", "--store", store, "delegates").returncode == 0  # the index exists before the edit
    result = run_reader(
        "edit", str(undated["id"])[:6], "--store", store, "--title", "Geneva talks, day two",
        "--source", "Agence France-Presse", "--author", "A. Reporter", "--published", "2024-03-05",
        "--url", "https://example.org/day-two",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "source: Agence France-Presse" in result.stdout
    rows = list_json(mixed_store)
    assert rows[0]["title"] == "Geneva talks, day two"  # now dated, and the newest
    assert rows[0]["source"] == "Agence France-Presse" and rows[0]["published"] == "2024-03-05"
    assert rows[0]["url"] == "https://example.org/day-two"
    for query in ('source:"agence france"', "after:2024-03-01", "geneva talks day two"):
        found = json.loads(run_reader("search", "--store", store, query, "--json").stdout)
        assert [hit["title"] for hit in found["hits"]] == ["Geneva talks, day two"], query
    shown = run_reader("show", "--store", store, str(undated["id"]))
    assert "Agence France-Presse · 2024-03-05 · by A. Reporter" in shown.stdout
    # A re-import of the same file leaves the user's details alone.
    again = run_reader("import", "--store", store, "-q", str(tmp_path / "notes.txt"))
    assert again.returncode == 0, again.stderr
    assert list_json(mixed_store)[0]["title"] == "Geneva talks, day two"
    added = run_reader("bookmarks", "add", str(undated["id"]), "--store", store, "--text", "The delegates met again")
    assert added.returncode == 0, added.stderr
    exported = run_reader("bookmarks", "export", "--store", store)
    assert "Geneva talks, day two" in exported.stdout


def test_edit_refuses_a_malformed_date_or_link(mixed_store: Path) -> None:
    article = str(list_json(mixed_store)[0]["id"])
    bad_date = run_reader("edit", article, "--store", str(mixed_store), "--published", "5 March")
    assert bad_date.returncode == 1 and "YYYY-MM-DD" in bad_date.stderr and "Traceback" not in bad_date.stderr
    bad_url = run_reader("edit", article, "--store", str(mixed_store), "--url", "javascript:alert(1)")
    assert bad_url.returncode == 1 and "http" in bad_url.stderr
    nothing = run_reader("edit", article, "--store", str(mixed_store))
    assert nothing.returncode == 1 and "nothing to change" in nothing.stderr
