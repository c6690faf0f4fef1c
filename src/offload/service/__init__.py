"""Use cases composed from domain and store: what the TUI and the CLI call."""

from offload.service.app import Offload

__all__ = ["Offload"]
