"""Stub tests of `client.videos`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_parsed, check_request, load_responses

RESPONSES = load_responses("videos")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.videos.list()
    check_request(server.last(), "GET", "/api/videos/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.videos.list()
    check_request(server.last(), "GET", "/api/videos/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = client.videos.create(slides=[{"audio_source": {}, "layers": [{}]}])
    check_request(server.last(), "POST", "/api/videos/", {}, "json", RESPONSES["create request"])
    check_parsed(result, RESPONSES["create"])


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = await async_client.videos.create(slides=[{"audio_source": {}, "layers": [{}]}])
    check_request(server.last(), "POST", "/api/videos/", {}, "json", RESPONSES["create request"])
    check_parsed(result, RESPONSES["create"])


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.videos.retrieve(1)
    check_request(server.last(), "GET", "/api/videos/1/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.videos.retrieve(1)
    check_request(server.last(), "GET", "/api/videos/1/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])


def test_update(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["update"])
    result = client.videos.update(1, slides=[{"audio_source": {}, "layers": [{}]}])
    check_request(server.last(), "PUT", "/api/videos/1/", {}, "json", RESPONSES["update request"])
    check_parsed(result, RESPONSES["update"])


async def test_update_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["update"])
    result = await async_client.videos.update(1, slides=[{"audio_source": {}, "layers": [{}]}])
    check_request(server.last(), "PUT", "/api/videos/1/", {}, "json", RESPONSES["update request"])
    check_parsed(result, RESPONSES["update"])


def test_delete(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    client.videos.delete(1)
    check_request(server.last(), "DELETE", "/api/videos/1/", {}, "none", None)


async def test_delete_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    await async_client.videos.delete(1)
    check_request(server.last(), "DELETE", "/api/videos/1/", {}, "none", None)


def test_publish(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["publish"])
    result = client.videos.publish(1, slides=[{"audio_source": {}, "layers": [{}]}])
    check_request(
        server.last(),
        "POST",
        "/api/videos/1/publish/",
        {},
        "json",
        RESPONSES["publish request"],
    )
    check_parsed(result, RESPONSES["publish"])


async def test_publish_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["publish"])
    result = await async_client.videos.publish(1, slides=[{"audio_source": {}, "layers": [{}]}])
    check_request(
        server.last(),
        "POST",
        "/api/videos/1/publish/",
        {},
        "json",
        RESPONSES["publish request"],
    )
    check_parsed(result, RESPONSES["publish"])
