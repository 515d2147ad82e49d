"""Writers of computed content (``core.blocks``): the site's HTML and print's pandoc Markdown."""
