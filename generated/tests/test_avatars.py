"""Stub tests of `client.avatars`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_parsed, check_request, load_responses

RESPONSES = load_responses("avatars")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.avatars.list()
    check_request(server.last(), "GET", "/api/avatars/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.avatars.list()
    check_request(server.last(), "GET", "/api/avatars/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])
