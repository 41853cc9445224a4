"""Progress screen."""
