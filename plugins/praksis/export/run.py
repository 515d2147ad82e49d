"""Writing one edition in one format: stage a working folder, run pandoc (and typst), and
move the result into place only when it is complete.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..core.atomic import write_atomically
from .docx import reference_docx
from .docx_book import finish_docx
from .errors import ExportError
from .pandoc import run_pandoc
from .plan import INPUT_FILE, REFERENCE_DOCX, ExportPlan, png_path
from .typst_pdf import compile_pdf, svgs_to_png


@dataclass(frozen=True)
class ExportResult:
    path: Path
    warnings: tuple[str, ...]


def stage(plan: ExportPlan, content_root: Path, content_label: str, workdir: Path) -> None:
    """Everything pandoc reads, in ``workdir``: the Markdown, images, the reference document."""
    (workdir / INPUT_FILE).write_text(plan.markdown, encoding="utf-8")
    to_png: list[tuple[Path, Path]] = []
    for image in plan.images:
        target = workdir / PurePosixPath(image.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if image.data is not None:
            target.write_bytes(image.data)
        else:
            source = content_root / PurePosixPath(image.path)
            if not source.is_file():
                raise ExportError(f"{content_label}/{image.where}: billedet "
                                  f"'{content_label}/{image.path}' findes ikke. Ret stien, "
                                  "eller læg billedet i mappen.")
            shutil.copyfile(source, target)
        if plan.format == "docx" and image.path.lower().endswith(".svg"):
            to_png.append((target, workdir / PurePosixPath(png_path(image))))  # markdown_for
    svgs_to_png(to_png, workdir)
    if plan.format == "docx":
        (workdir / REFERENCE_DOCX).write_bytes(reference_docx(plan.running_header))


def write_edition(plan: ExportPlan, content_root: Path, content_label: str = "content",
                  timestamp: int | None = None) -> ExportResult:
    """Write ``plan.output``: the old file stays until the new one is complete."""
    with tempfile.TemporaryDirectory(prefix="praksis-export-") as folder:
        workdir = Path(folder)
        stage(plan, content_root, content_label, workdir)
        warnings = run_pandoc(plan.defaults, workdir)
        produced = workdir / plan.pandoc_output
        if plan.format == "pdf":
            data, typst_warnings = compile_pdf(produced, workdir, timestamp)
            warnings += typst_warnings
        else:
            data = finish_docx(produced.read_bytes())
        write_atomically(plan.output, data)
    return ExportResult(plan.output, tuple(warnings))
