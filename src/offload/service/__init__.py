"""Use cases composed from domain and store: what the TUI and the CLI call."""

from offload.service.app import DatabaseError, Offload

__all__ = ["DatabaseError", "Offload"]
