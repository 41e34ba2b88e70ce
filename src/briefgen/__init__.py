"""briefgen: weekly meeting briefs whose every claim is checked against its sources."""

__version__ = "0.1.0"
