"""Data files shipped with Hamstring Coach (exercises, programmes, icons, sounds)."""
