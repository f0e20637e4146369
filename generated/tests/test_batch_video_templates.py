"""Stub tests of `client.batch_video_templates`: each method, sync and async, against a local server; generated."""

from __future__ import annotations

import datetime as _dt  # noqa: F401
import decimal as _decimal  # noqa: F401
import uuid as _uuid  # noqa: F401
from typing import Any

from spiritme.types import *  # noqa: F403
from spiritme import AsyncSpiritMe, SpiritMe

from .conftest import API_KEY, Recorded, StubServer


def check_request(
    request: Recorded,
    method: str,
    path: str,
    query: dict[str, str],
    body_keys: list[str],
    content_type: str,
) -> None:
    assert request.method == method
    assert request.path == path
    for name, value in query.items():
        assert request.query.get(name) == [value]
    assert request.headers.get("authorization") == "Token " + API_KEY
    if content_type == "json":
        assert request.headers["content-type"].startswith("application/json")
        sent: Any = request.json()
        if body_keys:
            assert isinstance(sent, dict)
            assert set(body_keys) <= set(sent)
    elif content_type == "multipart":
        assert request.headers["content-type"].startswith("multipart/form-data")
        for key in body_keys:
            assert f'name="{key}"'.encode() in request.body
    elif content_type == "form":
        assert request.headers["content-type"].startswith("application/x-www-form-urlencoded")
        for key in body_keys:
            assert key.encode() in request.body


def test_list(server: StubServer, client: SpiritMe) -> None:
    server.respond(
        200,
        {
            "count": 123,
            "next": None,
            "previous": "http://api.example.org/accounts/?offset=200&limit=100",
            "results": [
                {
                    "id": 1,
                    "avatar": {
                        "id": 1,
                        "name": "string",
                        "preview": "https://example.com/resource",
                        "frame_width": 1,
                        "frame_height": 1,
                    },
                    "voice": {
                        "id": 1,
                        "name": "string",
                        "label": "string",
                        "provider": "amazon",
                        "sex": "male",
                        "language": "string",
                        "language_code": "string",
                    },
                    "text": "string",
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
        },
    )
    result = client.batch_video_templates.list()
    check_request(server.last(), "GET", "/api/batch-video-templates/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], BatchVideoTemplate)


async def test_list_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(
        200,
        {
            "count": 123,
            "next": None,
            "previous": "http://api.example.org/accounts/?offset=200&limit=100",
            "results": [
                {
                    "id": 1,
                    "avatar": {
                        "id": 1,
                        "name": "string",
                        "preview": "https://example.com/resource",
                        "frame_width": 1,
                        "frame_height": 1,
                    },
                    "voice": {
                        "id": 1,
                        "name": "string",
                        "label": "string",
                        "provider": "amazon",
                        "sex": "male",
                        "language": "string",
                        "language_code": "string",
                    },
                    "text": "string",
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
        },
    )
    result = await async_client.batch_video_templates.list()
    check_request(server.last(), "GET", "/api/batch-video-templates/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], BatchVideoTemplate)


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(
        201,
        {
            "id": 1,
            "avatar": {
                "id": 1,
                "name": "string",
                "preview": "https://example.com/resource",
                "frame_width": 1,
                "frame_height": 1,
            },
            "voice": {
                "id": 1,
                "name": "string",
                "label": "string",
                "provider": "amazon",
                "sex": "male",
                "language": "string",
                "language_code": "string",
            },
            "text": "string",
            "background": {
                "id": 1,
                "name": "string",
                "tag": "general",
                "type": "image",
                "file": "https://example.com/resource",
            },
        },
    )
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
    server.respond(
        201,
        {
            "id": 1,
            "avatar": {
                "id": 1,
                "name": "string",
                "preview": "https://example.com/resource",
                "frame_width": 1,
                "frame_height": 1,
            },
            "voice": {
                "id": 1,
                "name": "string",
                "label": "string",
                "provider": "amazon",
                "sex": "male",
                "language": "string",
                "language_code": "string",
            },
            "text": "string",
            "background": {
                "id": 1,
                "name": "string",
                "tag": "general",
                "type": "image",
                "file": "https://example.com/resource",
            },
        },
    )
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
    server.respond(
        200,
        {
            "id": 1,
            "avatar": {
                "id": 1,
                "name": "string",
                "preview": "https://example.com/resource",
                "frame_width": 1,
                "frame_height": 1,
            },
            "voice": {
                "id": 1,
                "name": "string",
                "label": "string",
                "provider": "amazon",
                "sex": "male",
                "language": "string",
                "language_code": "string",
            },
            "text": "string",
            "background": {
                "id": 1,
                "name": "string",
                "tag": "general",
                "type": "image",
                "file": "https://example.com/resource",
            },
        },
    )
    result = client.batch_video_templates.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-video-templates/1/", {}, [], "none")
    assert isinstance(result, BatchVideoTemplate)


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(
        200,
        {
            "id": 1,
            "avatar": {
                "id": 1,
                "name": "string",
                "preview": "https://example.com/resource",
                "frame_width": 1,
                "frame_height": 1,
            },
            "voice": {
                "id": 1,
                "name": "string",
                "label": "string",
                "provider": "amazon",
                "sex": "male",
                "language": "string",
                "language_code": "string",
            },
            "text": "string",
            "background": {
                "id": 1,
                "name": "string",
                "tag": "general",
                "type": "image",
                "file": "https://example.com/resource",
            },
        },
    )
    result = await async_client.batch_video_templates.retrieve(1)
    check_request(server.last(), "GET", "/api/batch-video-templates/1/", {}, [], "none")
    assert isinstance(result, BatchVideoTemplate)
