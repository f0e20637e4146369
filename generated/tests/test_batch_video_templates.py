"""Stub tests of `client.batch_video_templates`: each method, sync and async, against a local
server; generated.
"""

from __future__ import annotations

from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_parsed, check_request, load_responses

RESPONSES = load_responses("batch_video_templates")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.batch_video_templates.list()
    check_request(server.last(), "GET", "/api/batch-video-templates/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.batch_video_templates.list()
    check_request(server.last(), "GET", "/api/batch-video-templates/", {}, "none", None)
    check_parsed(result.items, RESPONSES["list"]["results"])


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = client.batch_video_templates.create(avatar=1, voice=1, text="string")
    check_request(
        server.last(),
        "POST",
        "/api/batch-video-templates/",
        {},
        "json",
        RESPONSES["create request"],
    )
    check_parsed(result, RESPONSES["create"])


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = await async_client.batch_video_templates.create(avatar=1, voice=1, text="string")
    check_request(
        server.last(),
        "POST",
        "/api/batch-video-templates/",
        {},
        "json",
        RESPONSES["create request"],
    )
    check_parsed(result, RESPONSES["create"])


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.batch_video_templates.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-video-templates/1/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.batch_video_templates.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-video-templates/1/", {}, "none", None)
    check_parsed(result, RESPONSES["retrieve"])
