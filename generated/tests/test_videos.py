"""Stub tests of `client.videos`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("videos")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.videos.list()
    check_request(server.last(), "GET", "/api/videos/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Video)


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.videos.list()
    check_request(server.last(), "GET", "/api/videos/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Video)


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = client.videos.create(
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})],
    )
    check_request(server.last(), "POST", "/api/videos/", {}, ["slides"], "json")
    assert isinstance(result, Video)


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = await async_client.videos.create(
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})],
    )
    check_request(server.last(), "POST", "/api/videos/", {}, ["slides"], "json")
    assert isinstance(result, Video)


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.videos.retrieve(1)
    check_request(server.last(), "GET", "/api/videos/1/", {}, [], "none")
    assert isinstance(result, Video)


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.videos.retrieve(1)
    check_request(server.last(), "GET", "/api/videos/1/", {}, [], "none")
    assert isinstance(result, Video)


def test_update(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["update"])
    result = client.videos.update(
        1,
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})],
    )
    check_request(server.last(), "PUT", "/api/videos/1/", {}, ["slides"], "json")
    assert isinstance(result, Video)


async def test_update_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["update"])
    result = await async_client.videos.update(
        1,
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})],
    )
    check_request(server.last(), "PUT", "/api/videos/1/", {}, ["slides"], "json")
    assert isinstance(result, Video)


def test_delete(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    client.videos.delete(1)
    check_request(server.last(), "DELETE", "/api/videos/1/", {}, [], "none")


async def test_delete_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    await async_client.videos.delete(1)
    check_request(server.last(), "DELETE", "/api/videos/1/", {}, [], "none")


def test_publish(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["publish"])
    result = client.videos.publish(
        1,
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})],
    )
    check_request(server.last(), "POST", "/api/videos/1/publish/", {}, ["slides"], "json")
    assert isinstance(result, Video)


async def test_publish_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["publish"])
    result = await async_client.videos.publish(
        1,
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})],
    )
    check_request(server.last(), "POST", "/api/videos/1/publish/", {}, ["slides"], "json")
    assert isinstance(result, Video)
