"""Which site engine runs the plugin: ProperDocs (the maintained fork of MkDocs 1.6) or MkDocs.

The plugin and the site adapter are written against ``mkdocs.*``. ProperDocs keeps that
working: importing ``properdocs.replacement`` redirects every ``mkdocs.*`` import to the
matching ``properdocs.*`` module (its own command line does the same). So choosing the engine
is a decision made once per process, before anything of MkDocs is imported.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys

ENGINES = ("properdocs", "mkdocs")
# `praksis build --engine` wins; then this environment variable; then ProperDocs if installed.
ENGINE_VARIABLE = "PRAKSIS_ENGINE"


class EngineError(Exception):
    """The engine asked for cannot run; the message is Danish."""


def choose_engine(requested: str | None = None) -> str:
    name = (requested or os.environ.get(ENGINE_VARIABLE) or "").strip().lower()
    if not name:
        return "properdocs" if importlib.util.find_spec("properdocs") else "mkdocs"
    if name not in ENGINES:
        raise EngineError(f"{ENGINE_VARIABLE}: ukendt motor '{name}'. Tilladte værdier: "
                          + ", ".join(f"'{e}'" for e in ENGINES) + ".")
    if importlib.util.find_spec(name) is None:
        raise EngineError(f"motoren '{name}' er ikke installeret. Installér den med "
                          f"'pip install {name}', eller vælg en anden med --engine.")
    return name


def activate(name: str) -> None:
    """Make ``name`` the engine of this process; refuses to switch once MkDocs is loaded."""
    properdocs_active = "properdocs.replacement" in sys.modules
    if name == "mkdocs":
        if properdocs_active:
            raise EngineError("ProperDocs kører allerede i denne proces; start en ny for at "
                              "bygge med MkDocs.")
        return
    if not properdocs_active:
        if any(m == "mkdocs" or m.startswith("mkdocs.") for m in sys.modules):
            raise EngineError("MkDocs kører allerede i denne proces; start en ny for at "
                              "bygge med ProperDocs.")
        import properdocs.replacement  # noqa: F401  (mkdocs.* now means properdocs.*)
    # ProperDocs counts warnings (--strict) on its own logger: let ours, under "mkdocs.",
    # reach it, as its command line does.
    legacy = logging.getLogger("mkdocs")
    legacy.parent = logging.getLogger("properdocs")


def active_engine() -> str:
    return "properdocs" if "properdocs.replacement" in sys.modules else "mkdocs"
