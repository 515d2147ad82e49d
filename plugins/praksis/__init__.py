"""praksis: practice documentation as Markdown in Git.

The package is split so that the domain outlives its engines:

- ``praksis.core``: content model, validation, scores, milestone status, fragments.
  Imports neither mkdocs, nor pypandoc, nor click.
- ``praksis.site``: the MkDocs plugin, a thin adapter over the core.
- ``praksis.export``: the pandoc adapter for printed editions.
- ``praksis.cli``: the ``praksis`` command, which only wires the others together.
"""

__version__ = "0.1.0"
