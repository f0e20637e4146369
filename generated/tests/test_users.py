"""Stub tests of `client.users`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401
from typing import Any

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import API_KEY, Recorded, StubServer


def check_request(
    request: Recorded,
    method: str,
    path: str,
    query: dict[str, str],
    body_keys: list[str],
    content_type: str,
) -> None:
    assert request.method == method
    assert request.path == path
    for name, value in query.items():
        assert request.query.get(name) == [value]
    assert request.headers.get("authorization") == "Token " + API_KEY
    if content_type == "json":
        assert request.headers["content-type"].startswith("application/json")
        sent: Any = request.json()
        if body_keys:
            assert isinstance(sent, dict)
            assert set(body_keys) <= set(sent)
    elif content_type == "multipart":
        assert request.headers["content-type"].startswith("multipart/form-data")
        for key in body_keys:
            assert f'name="{key}"'.encode() in request.body
    elif content_type == "form":
        assert request.headers["content-type"].startswith("application/x-www-form-urlencoded")
        for key in body_keys:
            assert key.encode() in request.body


def test_retrieve_current(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, {"id": 1, "email": "user@example.com"})
    result = client.users.retrieve_current()
    check_request(server.last(), "GET", "/api/users/current/", {}, [], "none")
    assert isinstance(result, User)


async def test_retrieve_current_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, {"id": 1, "email": "user@example.com"})
    result = await async_client.users.retrieve_current()
    check_request(server.last(), "GET", "/api/users/current/", {}, [], "none")
    assert isinstance(result, User)


def test_delete_current(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    result = client.users.delete_current()
    check_request(server.last(), "DELETE", "/api/users/current/", {}, [], "none")
    assert result is None


async def test_delete_current_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    result = await async_client.users.delete_current()
    check_request(server.last(), "DELETE", "/api/users/current/", {}, [], "none")
    assert result is None
