"""Stub tests of `client.files`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_parsed, check_request, load_responses

RESPONSES = load_responses("files")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.files.list()
    check_request(server.last(), "GET", "/api/files/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.files.list()
    check_request(server.last(), "GET", "/api/files/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = client.files.create(file=b"content")
    check_request(
        server.last(),
        "POST",
        "/api/files/",
        {},
        "multipart",
        RESPONSES["create request"],
    )
    check_parsed(result, RESPONSES["create"])


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = await async_client.files.create(file=b"content")
    check_request(
        server.last(),
        "POST",
        "/api/files/",
        {},
        "multipart",
        RESPONSES["create request"],
    )
    check_parsed(result, RESPONSES["create"])


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.files.retrieve(1)
    check_request(server.last(), "GET", "/api/files/1/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.files.retrieve(1)
    check_request(server.last(), "GET", "/api/files/1/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])


def test_delete(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    client.files.delete(1)
    check_request(server.last(), "DELETE", "/api/files/1/", {}, "none", None)


async def test_delete_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    await async_client.files.delete(1)
    check_request(server.last(), "DELETE", "/api/files/1/", {}, "none", None)


def test_list_children(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list_children"])
    result = client.files.list_children(1)
    check_request(server.last(), "GET", "/api/files/1/children/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list_children"]["results"])


async def test_list_children_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list_children"])
    result = await async_client.files.list_children(1)
    check_request(server.last(), "GET", "/api/files/1/children/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list_children"]["results"])
