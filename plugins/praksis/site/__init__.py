"""The MkDocs adapter: a thin plugin over ``praksis.core``."""
