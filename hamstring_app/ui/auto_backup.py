"""The automatic backup at the first start of each day, run off the UI thread.

See store/backups.py for what a backup is and which ones rotation keeps; the settings
``auto_backup``, ``backups_daily_kept``, ``backups_weekly_kept`` and ``backup_folder``
(core/settings.py) switch it off, change how many are kept, or where. A failed backup
is logged and said in the status bar; it never stops the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from hamstring_app.store import backups
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)


def start_daily_backup(ctx: AppContext, say: Callable[[str], None]) -> TaskHandle | None:
    """Start today's automatic backup if it is due; None when there is nothing to do."""
    if ctx.demo:
        return None
    settings = ctx.repo.get_settings()
    now = ctx.clock.now()
    where = settings.backup_folder or None
    if not settings.auto_backup or not backups.daily_backup_due(
        ctx.paths.root, now.date(), where
    ):
        return None
    root = ctx.paths.root

    def work(_token: object) -> backups.BackupInfo | None:
        return backups.daily_backup(
            root,
            now=now,
            daily_kept=settings.backups_daily_kept,
            weekly_kept=settings.backups_weekly_kept,
            where=where,
        )

    def done(info: backups.BackupInfo | None) -> None:
        if info is not None:
            log.info("daily backup: %s (%s)", info.path, info.contents())

    def failed(exc: Exception) -> None:
        log.warning("the daily backup failed: %s", exc)
        say(
            QCoreApplication.translate(
                "AutoBackup", "Today's automatic backup could not be made: {reason}"
            ).format(reason=exc)
        )

    return run_task(work, on_done=done, on_error=failed)
