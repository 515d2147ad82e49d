"""Front-matter parsing: lines kept, duplicates refused, odd encodings and aliases handled."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from praksis.core import frontmatter, load_content
from praksis.core.fields import INVALID, Checker, Field, MapOf, Record, Text, check_document

from conftest import SAMPLE_CONTENT, write


def _node(text: str) -> yaml.Node:
    source = frontmatter.split_markdown("x.md", frontmatter.decode("x.md", text.encode()))
    return frontmatter.compose(source)


def test_the_c_loader_is_present_and_used() -> None:
    # PyYAML's wheels carry libyaml, and the check's speed (BENCHMARKS.md) counts on it: a
    # machine without it fails here rather than passing slowly.
    assert yaml.__with_libyaml__
    assert frontmatter._Loader is yaml.CSafeLoader


def _read_everything(root: Path) -> tuple[list[str], dict[str, object]]:
    """Every problem (without PyYAML's English original, which the loaders word differently)
    and the line of every key of every document."""
    content = load_content(root)
    return ([re.sub(r" \([^()]*\)\.$", ".", p.format()) for p in content.problems],
            {d.source.path: d.source.key_lines for d in content.documents})


def test_the_pure_python_loader_reads_the_same_lines_and_problems(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback where libyaml is absent gives the same lines and messages."""
    shutil.copytree(SAMPLE_CONTENT, tmp_path, dirs_exist_ok=True)
    write(tmp_path, {"praksis/brudt.md": "---\ntype: practice\ntitle: a: b\n---\n",
                     "praksis/tom.md": "---\n---\nTekst.\n"})
    with_c = _read_everything(tmp_path)
    monkeypatch.setattr(frontmatter, "_Loader", yaml.SafeLoader)
    with_python = _read_everything(tmp_path)
    assert with_python == with_c
    assert any("praksis/brudt.md:3: front matter: YAML-fejl: et kolon står et sted" in p
               for p in with_c[0]), with_c[0]
    assert len(with_c[1]) > 20


def test_every_key_keeps_its_line() -> None:
    practice = next(d for d in load_content(SAMPLE_CONTENT).documents
                    if d.source.path == "praksis/tryghedsplan.md")
    text = (SAMPLE_CONTENT / "praksis" / "tryghedsplan.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    for key in ("title", "owner", "version", "last_reviewed"):
        line = practice.source.line_of((key,))
        assert lines[line - 1].startswith(f"{key}:")
    state_line = practice.source.line_of(("approval", "state"))
    assert lines[state_line - 1].strip().startswith("state:")


def test_crlf_and_bom_are_read_like_plain_files(tmp_path: Path) -> None:
    plain = (SAMPLE_CONTENT / "praksis" / "tryghedsplan.md").read_text(encoding="utf-8")
    write(tmp_path, {"a/tryghedsplan.md": plain,
                     "b/tryghedsplan.md": ("\ufeff" + plain.replace("\n", "\r\n")).encode()})
    first = load_content(tmp_path / "a")
    second = load_content(tmp_path / "b")
    assert not first.errors and not second.errors
    assert [p.format().replace("b/", "a/", 1) for p in second.problems] == [
        p.format() for p in first.problems]
    a, b = first.documents[0], second.documents[0]
    assert a.title == b.title and a.goals == b.goals and "\r" not in b.summary
    assert a.source.key_lines == b.source.key_lines


def test_duplicate_keys_are_refused_at_any_depth() -> None:
    schema = Record(fields={"a": Field(MapOf(value=MapOf(value=Text())))})
    node = _node("---\na:\n  x:\n    y: 1\n    y: 2\n---\n")
    ck = Checker("x.md", 2)
    assert check_document(node, schema, ck) is INVALID
    assert [p.format() for p in ck.problems] == [
        "x.md:5: a.x.y: nøglen 'y' står to gange (også i linje 4). YAML ville stille og "
        "roligt smide den første værdi væk. Slet den ene, eller flet dem sammen."]


def test_alias_bomb_fails_fast_and_small() -> None:
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append("---")
    schema = Record(fields={f"a{i}": Field(MapOf()) for i in range(10)})
    started = time.perf_counter()
    node = _node("\n".join(lines) + "\n")
    ck = Checker("x.md", 2)
    assert check_document(node, schema, ck) is INVALID
    assert time.perf_counter() - started < 1.0  # a guard against expansion, not a benchmark
    assert len(ck.problems) <= 20


def test_version_keeps_the_text_typed() -> None:
    schema = Record(fields={"version": Field(Text())})
    node = _node("---\nversion: 2.10\n---\n")
    assert check_document(node, schema, Checker("x.md", 2)) == {"version": "2.10"}
