"""Checking mkdocs.yml the way content is checked: Danish, with file:line, before MkDocs runs.

MkDocs reports a misspelt plugin, an unknown plugin option or a missing ``docs_dir`` in
English, and an impossible date such as ``today: 2026-13-01`` as a Python traceback (PyYAML
reads it as a timestamp and fails). ``praksis check``, ``build`` and ``serve`` run this first.
It reads YAML nodes only, so MkDocs' own tags (``!ENV``, ``!!python/name:...``) are no
problem, and it imports nothing of MkDocs: the plugin's option kinds and the installed
plugin names are given by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .clock import today
from .fields import parse_date
from .frontmatter import yaml_message_da
from .problems import Problem, did_you_mean, quote_list

PLUGIN = "praksis"
# MkDocs' content folder when mkdocs.yml sets no docs_dir.
DEFAULT_DOCS_DIR = "docs"
_BOOL_WORDS = {"true": True, "false": False, "yes": True, "no": False, "on": True,
               "off": False}


@dataclass(frozen=True)
class SiteConfig:
    """What praksis needs from mkdocs.yml, and the problems found in it."""

    path: Path
    problems: tuple[Problem, ...]
    docs_dir: Path | None = None
    options: Mapping[str, object] = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def today_option(self) -> str:
        return str(self.options.get("today") or "")


class _Loader(yaml.SafeLoader):
    """Nodes only: every tag is accepted, nothing is constructed."""


def check_site_config(path: Path, at: str, option_kinds: Mapping[str, str],
                      installed_plugins: Collection[str],
                      installed_themes: Collection[str] = (),
                      extension: Callable[[str], bool] | None = None) -> SiteConfig:
    """Check mkdocs.yml at ``path``; ``at`` is its path relative to the project root, which
    its problems carry. The theme's name is checked when ``installed_themes`` are given,
    Markdown extensions when ``extension`` says whether one is installed (with
    ``extension('')`` never asked)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return SiteConfig(path, (Problem(at, 1, "mkdocs.yml", f"filen kan ikke læses "
                                                                 f"({exc.strerror})."),))
    except UnicodeDecodeError:
        return SiteConfig(path, (Problem(at, 1, "mkdocs.yml", "filen er ikke gemt som "
                                                                 "UTF-8. Gem den som UTF-8."),))
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return SiteConfig(path, (Problem(at, line, "mkdocs.yml", yaml_message_da(exc)),))
    except yaml.YAMLError as exc:
        return SiteConfig(path, (Problem(at, 1, "mkdocs.yml",
                                         f"filen kan ikke læses som YAML ({exc})."),))
    checker = _Checker(at)
    if not isinstance(root, yaml.MappingNode):
        checker.error(root, "mkdocs.yml", "filen skal bestå af nøgler med værdier, fx "
                                          "'site_name: Fælles praksis'.")
        return SiteConfig(path, tuple(checker.problems))
    top = _mapping(root)
    docs_dir = _check_docs_dir(path, top, checker)
    theme = _theme_name(top.get("theme"))
    theme_known = not installed_themes or theme is None or theme in installed_themes
    if theme is not None and not theme_known:
        node = top["theme"][1]
        if isinstance(node, yaml.MappingNode):
            node = _mapping(node).get("name", (None, node))[1]
        checker.error(node, "theme", (
            f"ukendt tema '{theme}'.{did_you_mean(theme, installed_themes)} Installerede "
            f"temaer: {quote_list(sorted(installed_themes))}."))
    if extension is not None:
        _check_extensions(top.get("markdown_extensions"), extension, checker)
    # With a misspelt theme, a theme's plugin ('tags' for material/tags) is not reported too.
    options = _check_plugins(top.get("plugins"), theme if theme_known else "*", option_kinds,
                             installed_plugins, checker)
    return SiteConfig(path, tuple(checker.problems), docs_dir, options)


def docs_dir_setting(path: Path) -> str | None:
    """The content folder mkdocs.yml at ``path`` names (``docs_dir``; MkDocs' default
    'docs' when it is not set), relative to the file's folder. None when the file cannot be
    read or ``docs_dir`` is not a folder name: ``check_site_config`` says why."""
    try:
        root = yaml.compose(path.read_bytes().decode("utf-8-sig"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    entry = _mapping(root).get("docs_dir")
    if entry is None:
        return DEFAULT_DOCS_DIR
    name = _scalar(entry[1])
    return name if name and name.strip() else None


@dataclass
class _Checker:
    at: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, node: yaml.Node | None, key: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.at, line, key, message))


def _mapping(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _scalar(node: yaml.Node | None) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def _check_docs_dir(path: Path, top: dict[str, tuple[yaml.Node, yaml.Node]],
                    checker: _Checker) -> Path | None:
    key, value = top.get("docs_dir", (None, None))
    name = _scalar(value) if value is not None else DEFAULT_DOCS_DIR
    if name is None or not name.strip():
        checker.error(value, "docs_dir", "skal være navnet på indholdsmappen, fx "
                                         "'docs_dir: content'.")
        return None
    folder = (path.parent / name).resolve()
    if not folder.is_dir():
        where = "" if key is not None else " (MkDocs' standard, da 'docs_dir' ikke er sat)"
        checker.error(value if value is not None else None, "docs_dir", (
            f"mappen '{name}'{where} findes ikke ved siden af mkdocs.yml. Skriv navnet på "
            "indholdsmappen, fx 'docs_dir: content'."))
        return None
    return folder


def _theme_name(entry: tuple[yaml.Node, yaml.Node] | None) -> str | None:
    if entry is None:
        return None
    node = entry[1]
    if isinstance(node, yaml.MappingNode):
        return _scalar(_mapping(node).get("name", (None, None))[1])
    return _scalar(node)


def _check_extensions(entry: tuple[yaml.Node, yaml.Node] | None,
                      installed: Callable[[str], bool], checker: _Checker) -> None:
    if entry is None or not isinstance(entry[1], yaml.SequenceNode):
        return
    for item in entry[1].value:
        node = item.value[0][0] if isinstance(item, yaml.MappingNode) and item.value else item
        name = _scalar(node)
        if name and not installed(name):
            checker.error(node, "markdown_extensions", (
                f"Markdown-udvidelsen '{name}' findes ikke (er den stavet rigtigt, og er "
                "pakken installeret?). Ret navnet, eller fjern linjen."))


def _plugin_entries(node: yaml.Node, checker: _Checker
                    ) -> list[tuple[str, yaml.Node, yaml.Node | None]]:
    """(name, name node, options node) for each plugin, in the list or mapping form."""
    entries: list[tuple[str, yaml.Node, yaml.Node | None]] = []
    if isinstance(node, yaml.MappingNode):
        return [(str(k.value), k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    if not isinstance(node, yaml.SequenceNode):
        checker.error(node, "plugins", "skal være en liste, fx '- search' og '- praksis' på "
                                       "hver sin linje.")
        return entries
    for item in node.value:
        if isinstance(item, yaml.ScalarNode):
            entries.append((str(item.value), item, None))
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            name_node, options = item.value[0]
            entries.append((str(name_node.value), name_node, options))
        else:
            checker.error(item, "plugins", "hvert punkt skal være et plugins navn, evt. med "
                                           "indstillinger under, fx '- praksis:' og "
                                           "'    today: 2026-11-23'.")
    return entries


def _check_plugins(entry: tuple[yaml.Node, yaml.Node] | None, theme: str | None,
                   option_kinds: Mapping[str, str], installed: Collection[str],
                   checker: _Checker) -> dict[str, object]:
    if entry is None:
        checker.error(None, "plugins", _MISSING)
        return {}
    known = set(installed)
    offered = sorted({name.split("/", 1)[1] if theme and name.startswith(f"{theme}/")
                      else name for name in known})
    options: dict[str, object] = {}
    names = []
    for name, name_node, options_node in _plugin_entries(entry[1], checker):
        names.append(name)
        in_theme = (f"{theme}/{name}" in known if theme != "*"
                    else any(k.endswith(f"/{name}") for k in known))
        if name not in known and not in_theme:
            checker.error(name_node, "plugins", (
                f"ukendt plugin '{name}'.{did_you_mean(name, offered)} Installerede plugins: "
                f"{quote_list(offered)}."))
            continue
        if name == PLUGIN:
            options = _check_options(options_node, option_kinds, checker)
    # A misspelt 'praksis' is reported above, once.
    if PLUGIN not in names and not did_you_mean(PLUGIN, names):
        checker.error(entry[0], "plugins", _MISSING)
    return options


_MISSING = (f"'{PLUGIN}' står ikke under plugins, så sitet ville vise front matter som tekst "
            f"og ingen fejl fange. Tilføj '- {PLUGIN}' under 'plugins:'.")


def _check_options(node: yaml.Node | None, kinds: Mapping[str, str],
                   checker: _Checker) -> dict[str, object]:
    values: dict[str, object] = {}
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null")):
        return values
    if not isinstance(node, yaml.MappingNode):
        checker.error(node, f"plugins.{PLUGIN}", "indstillingerne skal stå som 'navn: værdi' "
                                                 "under '- praksis:'.")
        return values
    for key_node, value_node in node.value:
        name = str(key_node.value)
        key = f"plugins.{PLUGIN}.{name}"
        kind = kinds.get(name)
        if kind is None:
            checker.error(key_node, key, (
                f"ukendt indstilling '{name}' for praksis.{did_you_mean(name, kinds)} "
                f"Indstillinger: {quote_list(sorted(kinds))}."))
            continue
        value = _option_value(value_node, kind, key, checker)
        if value is not None:
            values[name] = value
    return values


def _option_value(node: yaml.Node, kind: str, key: str, checker: _Checker) -> object | None:
    text = _scalar(node)
    if kind == "any":
        return text
    if text is None:
        checker.error(node, key, "skal være én værdi, ikke en liste eller nøgler.")
        return None
    if kind == "bool":
        # A quoted 'true' is text, not a truth value (a scalar node has a style).
        quoted = isinstance(node, yaml.ScalarNode) and node.style is not None
        if text.lower() not in _BOOL_WORDS or quoted:
            checker.error(node, key, f"skal være true eller false, ikke '{text}'.")
            return None
        return _BOOL_WORDS[text.lower()]
    if kind == "date":
        if not text.strip():
            return ""
        parsed = parse_date(text)
        if isinstance(parsed, str):
            checker.error(node, key, f"{parsed} Eller fjern linjen, så dagens dato bruges.")
            return None
        return parsed.isoformat()
    return text


def resolved_today(config: SiteConfig | None, option: str | dt.date | None = None) -> dt.date:
    """``--today`` if given, else the plugin's ``today`` in mkdocs.yml, else
    SOURCE_DATE_EPOCH or the clock (see ``clock.today``)."""
    if option is not None and str(option).strip():
        return today(option)
    if config is not None and config.today_option:
        return today(config.today_option, source="plugins.praksis.today i mkdocs.yml")
    return today()
