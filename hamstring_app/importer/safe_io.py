"""Reading bytes out of files, .gz streams and zip members, within the import's limits.

Nothing is ever extracted to disk by name: zip members are read into memory (or, for a
zip inside a zip, into an anonymous temporary file), so a member called
``../../.bashrc`` can reach nothing; such names are refused all the same.
"""

from __future__ import annotations

import gzip
import io
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO

from hamstring_app.importer.errors import BadFile, UnsafeFile
from hamstring_app.importer.limits import MIB, Limits

_CHUNK = 1 * MIB
_SPOOL_IN_MEMORY = 64 * MIB


def _size(n: int) -> str:
    return f"{n / MIB:,.0f} MiB" if n >= MIB else f"{n:,} bytes"


@dataclass(slots=True)
class Budget:
    """What one import has read so far, against its limits."""

    limits: Limits
    total_bytes: int = 0
    entries: int = 0
    _notes: list[str] = field(default_factory=list)

    def count_entry(self) -> None:
        self.entries += 1
        if self.entries > self.limits.max_entries:
            raise UnsafeFile(f"refused: more than {self.limits.max_entries:,} files in one import")

    def take(self, n: int) -> None:
        self.total_bytes += n
        if self.total_bytes > self.limits.max_total_bytes:
            raise UnsafeFile(
                f"refused: the import would read more than {_size(self.limits.max_total_bytes)}"
            )


def read_capped(stream: IO[bytes], cap: int, budget: Budget, what: str) -> bytes:
    """Read a stream to its end, refusing it once it passes ``cap`` bytes."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > cap:
            raise UnsafeFile(f"refused: {what} is larger than {_size(cap)} once unpacked")
        budget.take(len(chunk))
        parts.append(chunk)
    return b"".join(parts)


def gunzip(data: bytes, budget: Budget) -> bytes:
    """A .gz file's content, streamed, with the single-file size cap."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return read_capped(stream, budget.limits.max_file_bytes, budget, "the .gz file")
    except (OSError, EOFError, zlib.error) as exc:
        raise BadFile(f"damaged .gz file ({exc})") from None


def check_member_name(name: str) -> None:
    """Refuse absolute paths, drive letters and ``..`` in a zip member's name."""
    normal = name.replace("\\", "/")
    path = PurePosixPath(normal)
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":") or ".." in path.parts:
        raise UnsafeFile(f"refused: the zip names a file outside itself ({name!r})")


def check_member(info: zipfile.ZipInfo, cap: int, limits: Limits) -> None:
    """Refuse a member by what its header says before reading a byte of it."""
    check_member_name(info.filename)
    if info.file_size > cap:
        raise UnsafeFile(f"refused: {info.filename} is larger than {_size(cap)} once unpacked")
    if info.file_size >= limits.ratio_floor_bytes and info.compress_size > 0:
        ratio = info.file_size / info.compress_size
        if ratio > limits.max_ratio:
            raise UnsafeFile(
                f"refused: {info.filename} expands {ratio:,.0f} times (a zip bomb?)"
            )
    if info.flag_bits & 0x1:
        raise BadFile(f"{info.filename} is encrypted")


def open_zip(source: str | IO[bytes], limits: Limits, what: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise BadFile(f"damaged zip file ({exc})") from None
    if len(archive.infolist()) > limits.max_members:
        archive.close()
        raise UnsafeFile(f"refused: {what} holds more than {limits.max_members:,} files")
    return archive


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    cap = budget.limits.max_file_bytes
    check_member(info, cap, budget.limits)
    try:
        with archive.open(info) as stream:
            return read_capped(stream, cap, budget, info.filename)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise BadFile(f"damaged zip member ({exc})") from None


def spool_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget
) -> IO[bytes]:
    """A zip inside a zip, copied into an anonymous temporary file (memory while small)."""
    cap = budget.limits.max_archive_bytes
    check_member(info, cap, budget.limits)
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
    try:
        with archive.open(info) as stream:
            size = 0
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > cap:
                    raise UnsafeFile(
                        f"refused: {info.filename} is larger than {_size(cap)} once unpacked"
                    )
                budget.take(len(chunk))
                spool.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
        spool.close()
        raise BadFile(f"damaged zip member ({exc})") from None
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool
