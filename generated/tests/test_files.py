"""Stub tests of `client.files`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import StubServer, check_request, load_responses

RESPONSES = load_responses("files")


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = client.files.list()
    check_request(server.last(), "GET", "/api/files/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], File)


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list"])
    result = await async_client.files.list()
    check_request(server.last(), "GET", "/api/files/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], File)


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = client.files.create(file=b"content")
    check_request(server.last(), "POST", "/api/files/", {}, ["file"], "multipart")
    assert isinstance(result, File)


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(201, RESPONSES["create"])
    result = await async_client.files.create(file=b"content")
    check_request(server.last(), "POST", "/api/files/", {}, ["file"], "multipart")
    assert isinstance(result, File)


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = client.files.retrieve(1)
    check_request(server.last(), "GET", "/api/files/1/", {}, [], "none")
    assert isinstance(result, File)


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["retrieve"])
    result = await async_client.files.retrieve(1)
    check_request(server.last(), "GET", "/api/files/1/", {}, [], "none")
    assert isinstance(result, File)


def test_delete(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    client.files.delete(1)
    check_request(server.last(), "DELETE", "/api/files/1/", {}, [], "none")


async def test_delete_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    await async_client.files.delete(1)
    check_request(server.last(), "DELETE", "/api/files/1/", {}, [], "none")


def test_list_children(server: StubServer, client: SpiritMe) -> None:
    server.respond(200, RESPONSES["list_children"])
    result = client.files.list_children(1)
    check_request(server.last(), "GET", "/api/files/1/children/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], File)


async def test_list_children_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(200, RESPONSES["list_children"])
    result = await async_client.files.list_children(1)
    check_request(server.last(), "GET", "/api/files/1/children/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], File)
