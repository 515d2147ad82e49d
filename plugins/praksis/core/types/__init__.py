"""The built-in document types. Importing this package registers them."""

from . import framework, page, plan, practice  # noqa: F401
