"""Stub tests of `client.batch_video_templates`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("batch_video_templates")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.batch_video_templates.list()
    check_request(server.last(), "GET", "/api/batch-video-templates/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], BatchVideoTemplate)


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.batch_video_templates.list()
    check_request(server.last(), "GET", "/api/batch-video-templates/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], BatchVideoTemplate)


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = client.batch_video_templates.create(avatar=1, voice=1, text="string")
    check_request(
        server.last(),
        "POST",
        "/api/batch-video-templates/",
        {},
        ["avatar", "voice", "text"],
        "json",
    )
    assert isinstance(result, BatchVideoTemplate)


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = await async_client.batch_video_templates.create(avatar=1, voice=1, text="string")
    check_request(
        server.last(),
        "POST",
        "/api/batch-video-templates/",
        {},
        ["avatar", "voice", "text"],
        "json",
    )
    assert isinstance(result, BatchVideoTemplate)


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.batch_video_templates.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-video-templates/1/", {}, [], "none")
    assert isinstance(result, BatchVideoTemplate)


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.batch_video_templates.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-video-templates/1/", {}, [], "none")
    assert isinstance(result, BatchVideoTemplate)
