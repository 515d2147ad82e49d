"""The built-in document types. Importing this package registers them."""

from . import assessment, edition, framework, instrument, page, plan, practice  # noqa: F401
