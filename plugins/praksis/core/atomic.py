"""Replacing outputs only when they are complete: a failed build leaves the old one intact."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def staged_directory(target: Path) -> Iterator[Path]:
    """Yield an empty sibling folder; on success it replaces ``target``, on failure it goes.

    The sibling is on the same file system, so the final renames are atomic; the old output
    is only removed after the new one is in place.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        # mkdtemp creates 0700; give the folder the mode a normal mkdir would (0777 less
        # umask), or a copy with `rsync -a` carries 0700 to a web root another user serves.
        os.chmod(staging, 0o777 & ~_umask())
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = target.parent / f".{target.name}-old-{os.getpid()}"
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp creates 0600; give the file the mode a normal write would (0666 less umask).
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
