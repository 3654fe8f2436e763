"""``reader doctor``: checks the library, the user state, their backups and the config, and with
``--repair`` rebuilds what is damaged, asking before anything would be lost."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from reader.cli_common import EXIT_FAIL, EXIT_OK, _dump_json


def add_parser(sub: Any, store_option: Callable[..., None]) -> None:
    p = sub.add_parser("doctor", help="check the library and user state; --repair restores them from backups")
    store_option(p, argparse.SUPPRESS)
    p.add_argument(
        "--repair",
        action="store_true",
        help="rebuild damaged files from what they still hold, their backups and the catalog (the damaged "
        "ones are kept aside), and remove the index to be rebuilt; asks before losing anything",
    )
    p.add_argument("-y", "--yes", action="store_true", help="repair even what would lose data, without asking")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")


def run_doctor(args: argparse.Namespace) -> int:
    from reader import locations
    from reader.doctor import Report
    from reader.doctor import run as check_library

    refused: list[str] = []
    printed = 0

    def confirm(label: str, lost: list[str]) -> bool:
        """A repair that loses something goes on only when the user says so."""
        if args.yes:
            return True
        if args.json or not sys.stdin.isatty():
            refused.append(label)
            return False
        nonlocal printed
        _print_findings(report.lines[printed:])
        printed = len(report.lines)
        answer = input(f"Repair {label} anyway, losing what is listed above? [y/N] ")
        return answer.strip().lower() in ("y", "yes")

    report = Report()
    check_library(locations.resolve_store(args.store), repair=args.repair, confirm=confirm, report=report)
    _check_config(report)
    if args.json:
        _dump_json(report.to_dict())
    else:
        _print_findings(report.lines[printed:])
        print("healthy" if report.healthy else "problems remain: see the lines marked PROBLEM")
    if refused:
        print(
            f"reader: error: the repair of the {' and the '.join(refused)} would lose data and was not made; "
            "pass --yes to repair anyway",
            file=sys.stderr,
        )
    return EXIT_OK if report.healthy else EXIT_FAIL


def _print_findings(lines: list[tuple[str, str]]) -> None:
    width = max((len(status) for status, _ in lines), default=0)
    for status, text in lines:
        print(f"{status.upper():<{width}}  {text}")


def _check_config(report: Any) -> None:
    """The config's mistakes (unknown theme, binding id or key) as problems of the doctor's report."""
    from reader.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as exc:
        report.add("problem", str(exc))
        return
    if config.theme is None and not config.keys:
        return
    from reader.keynames import config_warnings  # the names the app knows, without starting it

    problems = config_warnings(config)
    for problem in problems:
        report.add("problem", f"config {config.path}: {problem}")
    if not problems:
        report.add("ok", f"config {config.path}: theme and keys are known")
