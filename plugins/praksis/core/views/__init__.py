"""Built-in page renderers and generated pages. Importing this package registers them."""

from . import assessment, editions, milestones, overview, practice, reference  # noqa: F401
