"""Local stand-ins for the platforms the bot talks to (used by the tests)."""
