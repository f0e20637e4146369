"""Stub tests of `client.users`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_parsed, check_request, load_responses

RESPONSES = load_responses("users")


def test_retrieve_current(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve_current"])
    result = client.users.retrieve_current()
    check_request(server.last(), "GET", "/api/users/current/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve_current"])


async def test_retrieve_current_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve_current"])
    result = await async_client.users.retrieve_current()
    check_request(server.last(), "GET", "/api/users/current/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve_current"])


def test_delete_current(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    client.users.delete_current()
    check_request(server.last(), "DELETE", "/api/users/current/", {}, "none", None)


async def test_delete_current_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    await async_client.users.delete_current()
    check_request(server.last(), "DELETE", "/api/users/current/", {}, "none", None)
