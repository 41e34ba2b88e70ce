"""Authoring commands (add-source, new, schema, status): registered on the CLI by `register`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the authoring commands to the application."""
