"""Built-in page renderers and generated pages. Importing this package registers them."""

from . import practice, reference  # noqa: F401
