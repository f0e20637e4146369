"""Stub tests of `client.users`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("users")


def test_retrieve_current(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve_current"])
    result = client.users.retrieve_current()
    check_request(server.last(), "GET", "/api/users/current/", {}, [], "none")
    assert isinstance(result, User)


async def test_retrieve_current_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve_current"])
    result = await async_client.users.retrieve_current()
    check_request(server.last(), "GET", "/api/users/current/", {}, [], "none")
    assert isinstance(result, User)


def test_delete_current(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    client.users.delete_current()
    check_request(server.last(), "DELETE", "/api/users/current/", {}, [], "none")


async def test_delete_current_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    await async_client.users.delete_current()
    check_request(server.last(), "DELETE", "/api/users/current/", {}, [], "none")
