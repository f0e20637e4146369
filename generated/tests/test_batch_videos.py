"""Stub tests of `client.batch_videos`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("batch_videos")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.batch_videos.list()
    check_request(server.last(), "GET", "/api/batch-videos/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], BatchVideo)


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.batch_videos.list()
    check_request(server.last(), "GET", "/api/batch-videos/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], BatchVideo)


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = client.batch_videos.create(variables={"key": 1})
    check_request(server.last(), "POST", "/api/batch-videos/", {}, ["variables"], "json")
    assert isinstance(result, BatchVideo)


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = await async_client.batch_videos.create(variables={"key": 1})
    check_request(server.last(), "POST", "/api/batch-videos/", {}, ["variables"], "json")
    assert isinstance(result, BatchVideo)


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.batch_videos.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-videos/1/", {}, [], "none")
    assert isinstance(result, BatchVideo)


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.batch_videos.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-videos/1/", {}, [], "none")
    assert isinstance(result, BatchVideo)
