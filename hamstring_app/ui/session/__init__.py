"""Session screen."""
