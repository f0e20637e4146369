"""Stub tests of `client.schema`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("schema")


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.schema.retrieve()
    check_request(server.last(), "GET", "/api/schema/", {}, [], "none")
    assert isinstance(result, dict)


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.schema.retrieve()
    check_request(server.last(), "GET", "/api/schema/", {}, [], "none")
    assert isinstance(result, dict)
