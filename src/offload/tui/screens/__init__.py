"""One module per screen (a Textual mode), its styles in a .tcss file beside it."""
