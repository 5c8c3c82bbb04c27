"""Helpers shared by the tests: local servers, a reader subprocess, TUI fixtures, pages."""
