"""The analyzer keeps its measured quality on the hand-annotated gold articles."""

from __future__ import annotations

from reader.analysis.evaluate import evaluate_dir, main
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "data" / "gold"


def test_gold_set_is_large_enough_and_licensed() -> None:
    assert len(list(GOLD.glob("*.expected.json"))) >= 16
    assert "CC BY 2.5" in (GOLD / "SOURCES.md").read_text(encoding="utf-8")


def test_quality_on_gold_set_does_not_regress() -> None:
    # Thresholds sit just under the figures in docs/analysis.md, so any regression fails.
    result = evaluate_dir(GOLD)
    assert result.quotes.f1 >= 0.99
    assert result.speaker_accuracy >= 0.97
    assert result.people.f1 >= 0.98
    assert result.sources.f1 >= 0.95
    figures = result.summary()
    assert figures["roles_exact"] >= 0.20  # roles are phrased freely in the gold set: exact ones are few
    assert figures["roles_close"] >= 0.42


def test_evaluate_command_reports_a_missing_directory(tmp_path, capsys) -> None:
    assert main([str(tmp_path / "nowhere")]) == 1
    assert "evaluate:" in capsys.readouterr().err
