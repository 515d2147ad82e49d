"""The core must outlive its engines: importing all of it loads no mkdocs, pypandoc or click."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import praksis.core
for module in pkgutil.walk_packages(praksis.core.__path__, "praksis.core."):
    importlib.import_module(module.name)
engines = {"mkdocs", "pypandoc", "click", "material"}
leaked = sorted({name.split(".")[0] for name in sys.modules} & engines)
print(",".join(leaked) or "clean")
"""


def test_core_imports_no_engine() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "clean"


def test_probe_would_notice_a_leak() -> None:
    # The probe itself must be able to fail: importing the plugin does load mkdocs.
    result = subprocess.run([sys.executable, "-c", PROBE.replace(
        "import praksis.core\n", "import praksis.core\nimport praksis.site.plugin\n", 1)],
        capture_output=True, text=True, check=True)
    assert "mkdocs" in result.stdout
