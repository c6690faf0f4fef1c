"""Offload: log a week of work, highlight what to hand over, write the brief."""

__version__ = "0.1.0"
