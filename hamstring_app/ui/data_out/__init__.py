"""Data out of the app and back in: the report for a health professional, export, import
of an export, backup and restore.

:class:`~hamstring_app.ui.data_out.menu.DataOutMenu` puts their actions in the File menu;
each action's dialog and its background work live in a module of its own.
"""
