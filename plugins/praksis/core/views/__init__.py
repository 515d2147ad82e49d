"""Built-in page renderers and generated pages. Importing this package registers them."""

from . import assessment, editions, milestones, practice, reference  # noqa: F401
