"""The file system, read defensively: regular files only, reasons in plain words, cuts that keep text whole.

Opening a FIFO to read blocks until someone writes; reading a device such as
``/dev/zero`` never ends. ``open_regular`` opens without blocking and refuses
anything that is not a regular file before a byte is read. The rest cut text
and bytes where a reader expects (``cut_point``, ``utf8_boundary``) and walk
directories in a stable order (``walk_inputs``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class NotRegular(OSError):
    """A path that is a FIFO, device or socket: reading it could block or never end."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading without blocking on a FIFO; refuse anything not a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(file_kind(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a file"


def os_reason(error: OSError) -> str:
    """A short lower-case reason: "permission denied", "too many levels of symbolic links"."""
    if isinstance(error, PermissionError):
        return "permission denied"
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


def utf8_boundary(data: bytes) -> bytes:
    """Bytes cut short of a UTF-8 character split by a read limit, so the cut does not
    read as an invalid byte (UTF-16/32, marked by their BOM, are left alone)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return data
    start = len(data)
    while start > 0 and len(data) - start < 3 and 0x80 <= data[start - 1] < 0xC0:
        start -= 1  # back over continuation bytes to the character's first byte
    if start > 0 and data[start - 1] >= 0xC0:
        lead = data[start - 1]
        length = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        if len(data) - (start - 1) < length:
            return data[: start - 1]
    return data


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: after the last paragraph
    break, else line break, else sentence end, else space before the limit (a hard
    cut only when there is none in the last half)."""
    floor = limit // 2
    for separator in ("\n\n", "\n", ". ", " "):
        at = text.rfind(separator, floor, limit)
        if at != -1:
            return at + len(separator)
    return limit


def walk_inputs(root: str, suffixes: frozenset[str], on_error: Callable[[OSError], None]) -> list[str]:
    """Files under ``root`` ending in one of ``suffixes``, hidden entries skipped, sorted by posix path."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            suffix = os.path.splitext(name)[1].lower()
            if suffix in suffixes:
                found.append(Path(dirpath, name).as_posix())
    return sorted(found)
