"""``praksis render``: the site as plain Markdown that any engine reading mkdocs.yml builds.

The output folder holds ``docs/`` (every page with its computed content, the generated pages,
the CSS, the printed editions and the content's own images and files), ``overrides/``
(Material templates: Danish 404 page, footer) and a ``mkdocs.yml``: the project's own, with
the praksis plugin taken out and what it added written in (Markdown extensions, the CSS, the
navigation with Danish section titles). MkDocs, ProperDocs and Zensical build it without the
plugin. This module imports no site engine.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from ..core.atomic import staged_directory
from ..core.clock import build_date
from ..core.fields import parse_date
from ..core.fragments import MARKDOWN_EXTENSIONS
from ..core.frontmatter import strip_front_matter
from ..core.markdown import headings
from ..core.model import Page
from ..core.model.content import ContentSet
from ..core.pages import (
    OUTSIDE_NAV,
    SECTION_ORDER,
    generated_markdown,
    generated_pages,
    render_page,
    section_titles,
)
from ..core.rules.titles import display_title
from ..core.views.context import Generated, PageContext
from .downloads import download_links, exported_files

CSS_PATH = "assets/praksis/praksis.css"
JS_PATH = "assets/praksis/praksis.js"
SLUGIFY = "praksis.core.anchors.slugify"
DOCS = "docs"
OVERRIDES = "overrides"
# Material's page keys that a document's front matter may set (the schemas allow no others).
_PAGE_KEYS = ("description", "hide", "tags")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+!|~.-])")


class RenderError(Exception):
    """Nothing was written; the message is Danish and says why."""


# --- mkdocs.yml, read and written back with the tags we do not know ------------------------

class _Tagged:
    """A value with a tag such as !ENV or !!python/name: kept as its YAML node."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged(node))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/",
                              lambda loader, suffix, node: _Tagged(node))
_Dumper.add_representer(_Tagged, lambda dumper, tagged: tagged.node)
_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def read_config(config_file: Path) -> dict[str, Any]:
    if not config_file.is_file():
        raise RenderError(f"{config_file}: filen findes ikke. Kør kommandoen i projektets "
                          "mappe, eller angiv --config.")
    try:
        config = yaml.load(config_file.read_text("utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RenderError(f"{config_file}: indstillingerne kan ikke læses: {exc}") from None
    if not isinstance(config, dict):
        raise RenderError(f"{config_file}: indstillingerne skal være nøgler og værdier.")
    return config


def _plugin_name(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The praksis plugin's options in mkdocs.yml (``plugins: - praksis: {...}``)."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        (_plugin_name(e), e[_plugin_name(e)] if isinstance(e, dict) else None) for e in plugins)
    for name, options in entries:
        if name == "praksis":
            return dict(options or {})
    return {}


def _without_praksis(plugins: Any) -> Any:
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != "praksis"}
    return [entry for entry in plugins or [] if _plugin_name(entry) != "praksis"]


# --- pages ----------------------------------------------------------------------------------

def _plain(markdown_text: str) -> str:
    """A heading's text as shown: Markdown and HTML escapes undone (``text()`` reversed)."""
    return html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", markdown_text))


def _page(meta: dict[str, Any], body: str) -> str:
    """Markdown with a front matter MkDocs and Material read; the title escaped for HTML
    (Material writes a front matter title into <title> and the navigation as it is)."""
    if not meta.get("title"):
        first = next((h for h in headings(body, 1) if h.level == 1), None)
        if first is not None:
            meta = {"title": _plain(first.text), **meta}
    if isinstance(meta.get("title"), str):
        meta = {**meta, "title": html.escape(meta["title"], quote=False)}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    return (f"---\n{front}---\n\n" if front else "") + body.lstrip("\n")


def rendered_pages(ctx: PageContext, generated: dict[str, str | Generated]
                   ) -> dict[str, str]:
    """{docs path: Markdown} for every page of the site."""
    pages: dict[str, str] = {}
    for doc in ctx.content.documents:
        if not doc.source.path.endswith(".md"):
            continue  # data files (instruments, frameworks, editions) are not pages
        meta: dict[str, Any] = {}
        if getattr(doc, "title", None) or not isinstance(doc, Page):
            meta["title"] = display_title(doc, ctx.content)  # derived for assessments, plans
        for key in _PAGE_KEYS:
            value = getattr(doc, key, None)
            if value:
                meta[key] = list(value) if isinstance(value, tuple) else value
        pages[doc.source.path] = _page(meta, render_page(doc, ctx))
    for path, page in generated.items():
        markdown = generated_markdown(page, path)
        front = markdown[4:].split("\n---\n", 1)[0] if markdown.startswith("---\n") else ""
        meta = yaml.safe_load(front) or {} if front else {}
        meta.pop("type", None)
        pages[path] = _page(meta, strip_front_matter(markdown))
    return pages


# --- navigation -----------------------------------------------------------------------------

def _folder_title(folder: str, titles: dict[str, str]) -> str:
    if folder in titles:
        return html.escape(titles[folder], quote=False)
    name = folder.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ")
    return name.capitalize() if name.islower() else name


def site_nav(paths: list[str], titles: dict[str, str]) -> list[Any]:
    """The navigation MkDocs would make from the files, shaped as the plugin shapes it:
    index pages first, Danish section titles, sections in reading order, the editors'
    folders left out (they are linked from the footer)."""
    tree: dict[str, Any] = {}
    for path in paths:
        if path.split("/", 1)[0] in OUTSIDE_NAV and "/" in path:
            continue
        node = tree
        for part in path.split("/")[:-1]:
            node = node.setdefault(part + "/", {})
        node[path] = path

    def items(node: dict[str, Any], folder: str) -> list[Any]:
        files = sorted((k for k in node if not k.endswith("/")),
                       key=lambda p: (not p.endswith("/index.md") and p != "index.md", p))
        folders = sorted(k for k in node if k.endswith("/"))
        sections = [{_folder_title(folder + name[:-1], titles): items(node[name],
                                                                    folder + name)}
                    for name in folders]
        return [*files, *sections]

    top = items(tree, "")
    order = {folder: index for index, folder in enumerate(SECTION_ORDER)}
    folder_of = {_folder_title(name[:-1], titles): name[:-1] for name in tree if name.endswith("/")}

    def rank(item: Any) -> tuple[int, int, str]:
        if isinstance(item, str):
            return (0 if item == "index.md" else 2, 0, "")
        title = next(iter(item))
        return (1, order.get(folder_of.get(title, ""), len(order)), title.casefold())

    return sorted(top, key=rank)


# --- the whole folder -----------------------------------------------------------------------

@dataclass(frozen=True)
class Project:
    config_file: Path
    config: dict[str, Any]
    # The content folder as every command finds it (cli/project.py), not read again here.
    docs_dir: Path

    @property
    def root(self) -> Path:
        return self.config_file.resolve().parent


def load_project(config_file: Path, docs_dir: Path) -> Project:
    return Project(config_file, read_config(config_file), docs_dir)


def page_context(project: Project, content: ContentSet, exported: dict[str, dict[str, Path]],
                 environ: dict[str, str] | None = None) -> PageContext:
    options = plugin_options(project.config)
    today: dt.date
    if options.get("today"):
        parsed = parse_date(str(options["today"]))
        if isinstance(parsed, str):
            raise RenderError(f"plugin-indstillingen 'today': {parsed}")
        today = parsed
    else:
        try:
            today = build_date(os.environ if environ is None else environ)
        except ValueError as exc:
            raise RenderError(str(exc)) from None
    return PageContext(content, today, adjusted_scores=bool(options.get("adjusted_scores")),
                       editions=download_links(exported))


def render_config(config: dict[str, Any], nav: list[Any]) -> dict[str, Any]:
    """The project's mkdocs.yml for the rendered folder: no praksis plugin, what it added."""
    out = {key: value for key, value in config.items() if key not in ("INHERIT",)}
    out["docs_dir"] = DOCS
    out["site_dir"] = "site"
    out["plugins"] = _without_praksis(config.get("plugins"))
    extensions = list(config.get("markdown_extensions") or [])
    names = {_plugin_name(e) for e in extensions}
    extensions += [name for name in MARKDOWN_EXTENSIONS if name not in names]
    # The plugin gives toc pandoc's anchors when mkdocs.yml does not: write that in.
    slugify = _Tagged(yaml.ScalarNode(f"tag:yaml.org,2002:python/name:{SLUGIFY}", ""))
    if "toc" not in names:
        extensions.append({"toc": {"slugify": slugify}})
    for index, entry in enumerate(extensions):
        if entry == "toc":
            extensions[index] = {"toc": {"slugify": slugify}}
        elif isinstance(entry, dict) and "toc" in entry:
            extensions[index] = {"toc": {"slugify": slugify, **(entry["toc"] or {})}}
    out["markdown_extensions"] = extensions
    out["extra_css"] = [*(config.get("extra_css") or []), CSS_PATH]
    out["extra_javascript"] = [*(config.get("extra_javascript") or []), JS_PATH]
    theme = dict(config.get("theme") or {}) if isinstance(config.get("theme"), dict) else {
        "name": config.get("theme") or "mkdocs"}
    theme["custom_dir"] = OVERRIDES
    out["theme"] = theme
    out["nav"] = nav
    out["not_in_nav"] = "\n".join(f"/{folder}/" for folder in OUTSIDE_NAV)
    return out


def write_render(out_dir: Path, project: Project, content: ContentSet,
                 environ: dict[str, str] | None = None) -> Path:
    """Write the rendered folder; replaces ``out_dir`` only when all of it is written."""
    options = plugin_options(project.config)
    exported = exported_files(project.root / str(options.get("editions_dir", "build/editions")))
    ctx = page_context(project, content, exported, environ)
    generated = generated_pages(ctx)
    pages = rendered_pages(ctx, generated)
    titles = section_titles(ctx, generated)
    config = render_config(project.config, site_nav(sorted(pages), titles))
    out_dir = Path(out_dir)
    _refuse_to_replace(out_dir, project)
    documents = {doc.source.path for doc in content.documents}
    with staged_directory(out_dir) as staging:
        docs = staging / DOCS
        # The content's own files (images, attachments), then every page on top.
        for source in sorted(project.docs_dir.rglob("*")):
            relative = source.relative_to(project.docs_dir).as_posix()
            if (source.is_file() and not source.is_symlink() and relative not in documents
                    and not any(part.startswith(".") for part in relative.split("/"))):
                (docs / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, docs / relative)
        for path, markdown in pages.items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(markdown, "utf-8")
        site = resources.files("praksis.site")
        (docs / CSS_PATH).parent.mkdir(parents=True, exist_ok=True)
        for path in (CSS_PATH, JS_PATH):
            (docs / path).write_text(
                site.joinpath("assets", path.rsplit("/", 1)[1]).read_text("utf-8"), "utf-8")
        for edition_id, formats in exported.items():
            for fmt, source_file in formats.items():
                target = docs / ctx.editions[edition_id][fmt]
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source_file, target)
        overrides = staging / OVERRIDES
        custom = (project.config.get("theme") or {}).get("custom_dir") if isinstance(
            project.config.get("theme"), dict) else None
        if isinstance(custom, str) and (project.root / custom).is_dir():
            shutil.copytree(project.root / custom, overrides)
        _copy_tree(site.joinpath("theme"), overrides)
        text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
        (staging / "mkdocs.yml").write_text(
            f"{HEADER} from the project's mkdocs.yml, without the praksis\n"
            "# plugin: build this folder with `mkdocs build`, `properdocs build -f mkdocs.yml`\n"
            "# or `zensical build`.\n" + text, "utf-8")
    return out_dir.resolve()


HEADER = "# Written by `praksis render`"


def _refuse_to_replace(out_dir: Path, project: Project) -> None:
    """OUT_DIR is replaced as a whole: never the project, its content, or a folder that is
    not an earlier render."""
    target = out_dir.resolve()
    docs = project.docs_dir.resolve()
    if project.root.is_relative_to(target) or target.is_relative_to(docs):
        raise RenderError(f"{out_dir}: mappen erstattes helt, så den må hverken rumme "
                          "projektet eller ligge i indholdsmappen. Vælg en ny mappe, fx "
                          "'build/render'.")
    config = target / "mkdocs.yml"
    earlier = config.is_file() and config.read_text("utf-8", "replace").startswith(HEADER)
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not earlier)):
        raise RenderError(f"{out_dir}: mappen findes og er ikke skrevet af 'praksis render'. "
                          "Vælg en ny eller tom mappe; den erstattes helt.")


def _copy_tree(source: Traversable, target: Path) -> None:
    """Copy a package folder; a project's own template of the same name wins."""
    for entry in source.iterdir():
        if entry.is_dir():
            _copy_tree(entry, target / entry.name)
        elif not (target / entry.name).exists():
            target.mkdir(parents=True, exist_ok=True)
            (target / entry.name).write_bytes(entry.read_bytes())
