"""Renderers: a `Brief` in, document bytes out. They never read YAML or seed files."""
