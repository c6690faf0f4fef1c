"""Helpers shared by the tests: plain functions, imported by name. Fixtures live in conftest.py."""
