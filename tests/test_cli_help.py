"""Each command's --help lists the exit codes that command can return, and only those."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from generator.cli import main

CODES = {
    "fetch": {"0", "2", "3"},
    "validate": {"0", "2", "3"},
    "build": {"0", "1", "2", "3"},
    "diff": {"0", "1", "2", "3"},
    "update": {"0", "1", "2", "3"},
    "mock": {"0", "2", "3"},
}


@pytest.mark.parametrize("command", sorted(CODES))
def test_help_lists_the_commands_own_exit_codes(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=120)
    assert result.exit_code == 0, result.output
    listed = re.findall(r"^\s+(\d)\s{2}", result.output.split("Exit codes:", 1)[1], flags=re.M)
    assert set(listed) == CODES[command]


def test_the_overview_lists_every_exit_code() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=120)
    text = result.output.split("Exit codes:", 1)[1]
    assert set(re.findall(r"^\s+(\d)\s{2}", text, flags=re.M)) == {"0", "1", "2", "3"}
    assert "128+N" in text
