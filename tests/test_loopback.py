"""The loopback rule: which hosts may receive a credential over plain http."""

from __future__ import annotations

import pytest

from generator.loopback import is_loopback
from generator.mock import server
from generator.spec import fetch

CASES = {
    "localhost": True,
    "LOCALHOST": True,
    "localhost.": True,
    "a.localhost": False,
    "api.dev.LOCALHOST": False,
    "127.0.0.1": True,
    "127.0.0.2": True,
    "127.255.255.254": True,
    "::1": True,
    "[::1]": True,
    "0.0.0.0": False,
    "::": False,
    "example.com": False,
    "localhost.example.com": False,
    "notlocalhost": False,
    "128.0.0.1": False,
    "10.0.0.1": False,
    "": False,
}


@pytest.mark.parametrize("host, expected", sorted(CASES.items()))
def test_loopback_rule(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_fetch_and_mock_use_the_one_rule() -> None:
    assert fetch.is_loopback is is_loopback
    assert server.is_loopback is is_loopback
