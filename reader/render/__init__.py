"""Renderers turn an Article into text for a terminal, a file or a script. None imports textual."""
