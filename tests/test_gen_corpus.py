"""scripts/gen-corpus: the benchmark corpus is valid content and a pure function of its seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_cli

GEN_CORPUS = ROOT / "scripts" / "gen-corpus"


def _generate(out: Path, *args: str) -> None:
    subprocess.run([sys.executable, str(GEN_CORPUS), str(out), *args], check=True,
                   capture_output=True)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_generated_corpus_passes_check(tmp_path: Path) -> None:
    _generate(tmp_path / "content", "--documents", "20", "--seed", "3")
    result = run_cli("check", "content", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "Ingen fejl i 20 filer." in result.stderr
    files = _files(tmp_path / "content")
    assert len(files) == 20
    kinds = {path.split("/")[0] for path in files}
    assert {"praksis", "vurderinger", "implementering", "editions", "instruments",
            "frameworks"} <= kinds


def test_the_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    _generate(tmp_path / "a", "--documents", "20", "--seed", "7")
    _generate(tmp_path / "b", "--documents", "20", "--seed", "7")
    _generate(tmp_path / "c", "--documents", "20", "--seed", "8")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_group_size_puts_organisation_folders_in_groups(tmp_path: Path) -> None:
    _generate(tmp_path / "flat", "--organisations", "5", "--seed", "2")
    _generate(tmp_path / "grouped" / "content", "--organisations", "5", "--seed", "2",
              "--group-size", "2")
    flat, grouped = _files(tmp_path / "flat"), _files(tmp_path / "grouped" / "content")
    # The same files with the same bytes, only moved: org-001 and org-002 into gruppe-01, ...
    moved = {}
    for path, data in flat.items():
        parts = path.split("/")
        if len(parts) == 3 and parts[1].startswith("org-"):
            parts.insert(1, f"gruppe-{(int(parts[1][4:]) - 1) // 2 + 1:02d}")
        moved["/".join(parts)] = data
    assert grouped == moved
    assert any(path.startswith("praksis/gruppe-03/org-005/") for path in grouped)
    result = run_cli("check", "content", cwd=tmp_path / "grouped")
    assert result.exit_code == 0, result.stderr
