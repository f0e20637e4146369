"""Stub tests of `client.videos`: each method, sync and async, against a local server; generated."""

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
                    "gd": "2024-06-28T12:00:00Z",
                    "name": "string",
                    "slides": [
                        {
                            "id": 1,
                            "audio_source": {
                                "text": "string",
                                "voice": {
                                    "id": 1,
                                    "name": "string",
                                    "label": "string",
                                    "provider": "amazon",
                                    "sex": "male",
                                    "language": "string",
                                    "language_code": "string",
                                },
                                "file": {
                                    "id": 1,
                                    "name": None,
                                    "tag": "general",
                                    "type": "image",
                                    "file": "https://example.com/resource",
                                },
                            },
                            "layers": [{"id": 1}],
                            "background": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                        }
                    ],
                    "webhook": {
                        "id": 1,
                        "cd": "2024-06-28T12:00:00Z",
                        "url": "https://example.com/resource",
                    },
                    "resolution": {"width": 1, "height": 1},
                    "auto_emotions_markup": True,
                    "enable_subtitles": True,
                    "status": "draft",
                    "result": "https://example.com/resource",
                    "thumbnail": "https://example.com/resource",
                }
            ],
        },
    )
    result = client.videos.list()
    check_request(server.last(), "GET", "/api/videos/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Video)


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
                    "gd": "2024-06-28T12:00:00Z",
                    "name": "string",
                    "slides": [
                        {
                            "id": 1,
                            "audio_source": {
                                "text": "string",
                                "voice": {
                                    "id": 1,
                                    "name": "string",
                                    "label": "string",
                                    "provider": "amazon",
                                    "sex": "male",
                                    "language": "string",
                                    "language_code": "string",
                                },
                                "file": {
                                    "id": 1,
                                    "name": None,
                                    "tag": "general",
                                    "type": "image",
                                    "file": "https://example.com/resource",
                                },
                            },
                            "layers": [{"id": 1}],
                            "background": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                        }
                    ],
                    "webhook": {
                        "id": 1,
                        "cd": "2024-06-28T12:00:00Z",
                        "url": "https://example.com/resource",
                    },
                    "resolution": {"width": 1, "height": 1},
                    "auto_emotions_markup": True,
                    "enable_subtitles": True,
                    "status": "draft",
                    "result": "https://example.com/resource",
                    "thumbnail": "https://example.com/resource",
                }
            ],
        },
    )
    result = await async_client.videos.list()
    check_request(server.last(), "GET", "/api/videos/", {}, [], "none")
    assert len(result.items) == 1
    assert isinstance(result.items[0], Video)


def test_create(server: StubServer, client: SpiritMe) -> None:
    server.respond(
        201,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = client.videos.create(
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})]
    )
    check_request(server.last(), "POST", "/api/videos/", {}, ["slides"], "json")
    assert isinstance(result, Video)


async def test_create_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(
        201,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = await async_client.videos.create(
        slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})]
    )
    check_request(server.last(), "POST", "/api/videos/", {}, ["slides"], "json")
    assert isinstance(result, Video)


def test_retrieve(server: StubServer, client: SpiritMe) -> None:
    server.respond(
        200,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = client.videos.retrieve(1)
    check_request(server.last(), "GET", "/api/videos/1/", {}, [], "none")
    assert isinstance(result, Video)


async def test_retrieve_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(
        200,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = await async_client.videos.retrieve(1)
    check_request(server.last(), "GET", "/api/videos/1/", {}, [], "none")
    assert isinstance(result, Video)


def test_update(server: StubServer, client: SpiritMe) -> None:
    server.respond(
        200,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = client.videos.update(
        1, slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})]
    )
    check_request(server.last(), "PUT", "/api/videos/1/", {}, ["slides"], "json")
    assert isinstance(result, Video)


async def test_update_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(
        200,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = await async_client.videos.update(
        1, slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})]
    )
    check_request(server.last(), "PUT", "/api/videos/1/", {}, ["slides"], "json")
    assert isinstance(result, Video)


def test_delete(server: StubServer, client: SpiritMe) -> None:
    server.respond(204, None)
    result = client.videos.delete(1)
    check_request(server.last(), "DELETE", "/api/videos/1/", {}, [], "none")
    assert result is None


async def test_delete_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(204, None)
    result = await async_client.videos.delete(1)
    check_request(server.last(), "DELETE", "/api/videos/1/", {}, [], "none")
    assert result is None


def test_publish(server: StubServer, client: SpiritMe) -> None:
    server.respond(
        200,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = client.videos.publish(
        1, slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})]
    )
    check_request(server.last(), "POST", "/api/videos/1/publish/", {}, ["slides"], "json")
    assert isinstance(result, Video)


async def test_publish_async(server: StubServer, async_client: AsyncSpiritMe) -> None:
    server.respond(
        200,
        {
            "id": 1,
            "cd": "2024-06-28T12:00:00Z",
            "gd": "2024-06-28T12:00:00Z",
            "name": "string",
            "slides": [
                {
                    "id": 1,
                    "audio_source": {
                        "text": "string",
                        "voice": {
                            "id": 1,
                            "name": "string",
                            "label": "string",
                            "provider": "amazon",
                            "sex": "male",
                            "language": "string",
                            "language_code": "string",
                        },
                        "file": {
                            "id": 1,
                            "name": "string",
                            "tag": "general",
                            "type": "image",
                            "file": "https://example.com/resource",
                        },
                    },
                    "layers": [
                        {
                            "id": 1,
                            "avatar": {
                                "id": 1,
                                "name": "string",
                                "preview": "https://example.com/resource",
                                "frame_width": 1,
                                "frame_height": 1,
                            },
                            "media": {
                                "id": 1,
                                "name": "string",
                                "tag": "general",
                                "type": "image",
                                "file": "https://example.com/resource",
                            },
                            "x": 1.5,
                            "y": 1.5,
                            "scale": 1.5,
                            "crop": {"key": "value"},
                            "view_type": "rectangular",
                        }
                    ],
                    "background": {
                        "id": 1,
                        "name": "string",
                        "tag": "general",
                        "type": "image",
                        "file": "https://example.com/resource",
                    },
                }
            ],
            "webhook": {
                "id": 1,
                "cd": "2024-06-28T12:00:00Z",
                "url": "https://example.com/resource",
            },
            "resolution": {"width": 1, "height": 1},
            "auto_emotions_markup": True,
            "enable_subtitles": True,
            "status": "draft",
            "result": "https://example.com/resource",
            "thumbnail": "https://example.com/resource",
        },
    )
    result = await async_client.videos.publish(
        1, slides=[SlideRequest.model_validate({"audio_source": {}, "layers": [{}]})]
    )
    check_request(server.last(), "POST", "/api/videos/1/publish/", {}, ["slides"], "json")
    assert isinstance(result, Video)
