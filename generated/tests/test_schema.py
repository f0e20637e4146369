"""Stub tests of `client.schema`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_parsed, check_request, load_responses

RESPONSES = load_responses("schema")


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.schema.retrieve()
    check_request(server.last(), "GET", "/api/schema/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.schema.retrieve()
    check_request(server.last(), "GET", "/api/schema/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])
