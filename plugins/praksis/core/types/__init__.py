"""The built-in document types. Importing this package registers them."""

from . import page, practice  # noqa: F401
