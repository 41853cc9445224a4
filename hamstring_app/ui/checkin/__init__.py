"""Checkin screen."""
