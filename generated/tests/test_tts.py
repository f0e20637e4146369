"""Stub tests of `client.tts`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("tts")


def test_list_languages(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list_languages"])
    result = client.tts.list_languages()
    check_request(server.last(), "GET", "/api/tts/languages/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Language)


async def test_list_languages_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list_languages"])
    result = await async_client.tts.list_languages()
    check_request(server.last(), "GET", "/api/tts/languages/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Language)


def test_list_voices(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list_voices"])
    result = client.tts.list_voices()
    check_request(server.last(), "GET", "/api/tts/voices/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Voice)


async def test_list_voices_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list_voices"])
    result = await async_client.tts.list_voices()
    check_request(server.last(), "GET", "/api/tts/voices/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Voice)
