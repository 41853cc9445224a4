"""Data out and back in: the JSON export (the format ``assess`` reads), CSV files for
spreadsheets, and importing an export into an empty or existing database.

Pure Python over core models; only :mod:`hamstring_app.exchange.service` reaches the
store, and nothing here imports Qt (import-linter checks it).
"""
