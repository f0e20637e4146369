"""Stub tests of `client.avatars`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("avatars")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.avatars.list()
    check_request(server.last(), "GET", "/api/avatars/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Avatar)


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.avatars.list()
    check_request(server.last(), "GET", "/api/avatars/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Avatar)
