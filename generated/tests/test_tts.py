"""Stub tests of `client.tts`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_parsed, check_request, load_responses

RESPONSES = load_responses("tts")


def test_list_languages(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list_languages"])
    result = client.tts.list_languages()
    check_request(server.last(), "GET", "/api/tts/languages/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list_languages"]["results"])


async def test_list_languages_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list_languages"])
    result = await async_client.tts.list_languages()
    check_request(server.last(), "GET", "/api/tts/languages/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list_languages"]["results"])


def test_list_voices(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list_voices"])
    result = client.tts.list_voices()
    check_request(server.last(), "GET", "/api/tts/voices/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list_voices"]["results"])


async def test_list_voices_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list_voices"])
    result = await async_client.tts.list_voices()
    check_request(server.last(), "GET", "/api/tts/voices/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list_voices"]["results"])
