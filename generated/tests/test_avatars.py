"""Stub tests of `client.avatars`: each method, sync and async, against a local server; generated."""

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
                    "cd": "2024-06-28T12:00:00Z",
                    "name": "string",
                    "description": "string",
                    "status": "created",
                    "thumbnail": "https://example.com/resource",
                    "preview": "https://example.com/resource",
                    "circular_preview": "https://example.com/resource",
                    "frame_width": 1,
                    "frame_height": 1,
                    "best_fit_voices": [1],
                    "supported_emotions": ["string"],
                    "supports_background_removal": True,
                    "ownership": True,
                }
            ],
        },
    )
    result = client.avatars.list()
    check_request(server.last(), "GET", "/api/avatars/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Avatar)


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
                    "cd": "2024-06-28T12:00:00Z",
                    "name": "string",
                    "description": "string",
                    "status": "created",
                    "thumbnail": "https://example.com/resource",
                    "preview": "https://example.com/resource",
                    "circular_preview": "https://example.com/resource",
                    "frame_width": 1,
                    "frame_height": 1,
                    "best_fit_voices": [1],
                    "supported_emotions": ["string"],
                    "supports_background_removal": True,
                    "ownership": True,
                }
            ],
        },
    )
    result = await async_client.avatars.list()
    check_request(server.last(), "GET", "/api/avatars/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Avatar)
