"""File inputs for uploads: paths are read in chunks while the request is sent, never whole."""

from __future__ import annotations

import io
import mimetypes
import os
from typing import IO, AsyncIterator, Iterator, cast

import httpx

from ._types import FileContent, FileTypes

__all__ = ["FileStream", "LazyFile", "is_replayable", "to_httpx_file"]

CHUNK_SIZE = 64 * 1024


class LazyFile:
    """A file on disk, opened at its first read and closed at its end, so that it can be sent again.

    It checks the file exists when made; ``seek``/``tell`` work before the file is opened, so
    that httpx can learn its length without opening it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.name = os.fspath(path)
        self.size = os.stat(self.name).st_size
        self._file: IO[bytes] | None = None
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        if self._file is None:
            self._file = open(self.name, "rb")
            self._file.seek(self._position)
        chunk = self._file.read(size)
        if size < 0 or len(chunk) < size:
            self.close()
        return chunk

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if self._file is not None:
            return self._file.seek(offset, whence)
        start = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}
        self._position = start[whence] + offset
        return self._position

    def tell(self) -> int:
        return self._position if self._file is None else self._file.tell()

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        if self._file is not None:
            self._position = self._file.tell()
            self._file.close()
            self._file = None

    def __repr__(self) -> str:
        return f"LazyFile({self.name!r})"


def _content_of(content: FileContent) -> IO[bytes] | bytes:
    """Bytes and open files as given; a path as a ``LazyFile``."""
    if isinstance(content, (str, os.PathLike)):
        return cast("IO[bytes]", LazyFile(content))
    return content


def _default_filename(content: FileContent, field: str) -> str:
    """The file name sent when none was given: the path's, the open file's, or the field's."""
    name = content if isinstance(content, (str, os.PathLike)) else getattr(content, "name", None)
    if isinstance(name, (str, os.PathLike)):
        return os.path.basename(os.fspath(name)) or field
    return field


def to_httpx_file(
    value: FileTypes, field: str
) -> tuple[str, tuple[str | None, IO[bytes] | bytes, str]]:
    """One multipart file for httpx: ``(field, (file name, content, MIME type))``.

    ``value`` is bytes, an open binary file, a path, or ``(name, content[, mime])``; the MIME type
    is guessed from the file name, ``application/octet-stream`` when it cannot be.
    """
    mime: str | None = None
    if isinstance(value, tuple):
        if len(value) == 3:
            filename, content, mime = value
        else:
            filename, content = value
    else:
        filename, content = _default_filename(value, field), value
    if mime is None:
        mime = mimetypes.guess_type(filename or "")[0] or "application/octet-stream"
    return field, (filename, _content_of(content), mime)


def is_replayable(content: IO[bytes] | bytes) -> bool:
    """Whether ``content`` can be sent again (bytes, paths, seekable files)."""
    return isinstance(content, bytes) or content.seekable()


class FileStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A request body read from a file in chunks, from its start position on every send."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._start = file.tell() if file.seekable() else None

    def _chunks(self) -> Iterator[bytes]:
        if self._start is not None:
            self._file.seek(self._start)
        while chunk := self._file.read(CHUNK_SIZE):
            yield chunk

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk

    def length(self) -> int | None:
        """The number of bytes to send, when the file can tell it."""
        if self._start is None:
            return None
        end = self._file.seek(0, io.SEEK_END)
        self._file.seek(self._start)
        return end - self._start
