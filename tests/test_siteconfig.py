"""praksis's own check of mkdocs.yml: MkDocs' YAML forms pass, mistakes get Danish file:line."""

from __future__ import annotations

from pathlib import Path

from praksis.site.preflight import check_mkdocs_yml

from conftest import ROOT


def _problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "content").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return [f"{p.line}: {p.key}: {p.message}" for p in check_mkdocs_yml(config).problems]


def test_the_repositorys_mkdocs_yml_passes() -> None:
    assert check_mkdocs_yml(ROOT / "mkdocs.yml").problems == ()


def test_mkdocs_tags_and_forms_pass(tmp_path: Path) -> None:
    text = """\
site_name: !ENV [SITE_NAME, "Fælles praksis"]
docs_dir: content
theme:
  name: material
plugins:
  search: {lang: da}
  tags:
  praksis:
    today: 2026-11-23
    adjusted_scores: yes
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
  - toc: {permalink: true}
  - markdown.extensions.tables
"""
    assert _problems(tmp_path, text) == []


def test_mistakes_get_their_line(tmp_path: Path) -> None:
    text = """\
site_name: Test
docs_dir: content
theme: readthedocs
plugins:
  - search
  - tags
  - praksis:
      today: 23-11-2026
      editions_dir: [a, b]
"""
    problems = _problems(tmp_path, text)
    # 'tags' is Material's (material/tags): with the readthedocs theme MkDocs cannot find it.
    assert problems[0].startswith("6: plugins: ukendt plugin 'tags'. Installerede plugins: ")
    assert problems[1:] == [
        "8: plugins.praksis.today: '23-11-2026' er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD, "
        "fx 2026-03-12. Eller fjern linjen, så dagens dato bruges.",
        "9: plugins.praksis.editions_dir: skal være én værdi, ikke en liste eller nøgler."]
