"""The one door to pandoc: every conversion goes through ``run_pandoc``.

pandoc comes from the pypandoc-binary package (``pypandoc.get_pandoc_path()``), so every
machine runs the same pandoc. Its settings live in checked-in defaults files (data/*.yaml);
``run_pandoc`` writes the plan's defaults mapping to a file and runs pandoc on it, and turns
a failure into an ``ExportError`` carrying pandoc's own message.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pypandoc
import yaml

from .errors import ExportError

DEFAULTS_FILE = "pandoc-defaults.yaml"
# Far above the measured 1.4 s for a 100-page edition; a hung pandoc must not hang CI.
TIMEOUT_SECONDS = 300


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    """pypandoc-binary's pandoc (pypandoc probes it by running it once: remember it)."""
    try:
        return str(pypandoc.get_pandoc_path())
    except OSError as exc:
        raise ExportError(f"pandoc findes ikke ({exc}). pandoc følger med pakken "
                          "pypandoc-binary: installér projektet igen (scripts/setup).") from None


def run_pandoc(defaults: Mapping[str, Any], workdir: Path) -> list[str]:
    """Run pandoc once in ``workdir`` with ``defaults``; returns pandoc's warnings."""
    defaults_file = workdir / DEFAULTS_FILE
    defaults_file.write_text(yaml.safe_dump(dict(defaults), allow_unicode=True, sort_keys=False),
                             encoding="utf-8")
    command = [pandoc_path(), "--defaults", str(defaults_file)]
    try:
        result = subprocess.run(command, cwd=workdir, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=TIMEOUT_SECONDS)
    except OSError as exc:
        raise ExportError(f"pandoc kunne ikke startes: {exc}.") from None
    except subprocess.TimeoutExpired:
        raise ExportError(f"pandoc blev ikke færdig på {TIMEOUT_SECONDS} sekunder og blev "
                          "stoppet.") from None
    messages = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    if result.returncode != 0:
        detail = "\n".join(messages) or "ingen meddelelse"
        raise ExportError(f"pandoc kunne ikke lave {defaults.get('to', 'udgaven')} "
                          f"(afslutningskode {result.returncode}). pandoc skrev:\n{detail}")
    return messages
