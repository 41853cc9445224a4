"""Importing runs in the app: the review dialog, the background import, the watched
folder and the Today tab's prompt for runs waiting for review."""
