"""The automatic backups in a folder: which day is due, and which ones rotation keeps
(the newest ``daily_kept``, then one a calendar week for ``weekly_kept`` weeks)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from hamstring_app.store.backup_names import DAILY, backup_folder, parse_name

log = logging.getLogger(__name__)


def daily_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_name(path)
        if parsed and parsed[1] == DAILY and path.is_file():
            found.append((parsed[0], path))
    return sorted(found, reverse=True)


def _daily_folder(data_dir: Path, where: Path | str | None) -> Path:
    if where is None or not str(where).strip():
        return backup_folder(data_dir)
    return Path(str(where).strip()).expanduser()


def daily_backup_due(data_dir: Path, today: date, where: Path | str | None = None) -> bool:
    """True when no automatic backup was taken on ``today`` yet (in ``where``, if given)."""
    found = daily_backups(_daily_folder(data_dir, where))
    return all(taken.date() != today for taken, _ in found)


def to_keep(taken: list[datetime], daily_kept: int, weekly_kept: int) -> set[datetime]:
    """Which automatic backups rotation keeps: the newest ``daily_kept`` (one a day), then,
    among the older ones, the newest of each calendar (ISO) week for ``weekly_kept`` weeks."""
    newest_first = sorted(taken, reverse=True)
    keep = set(newest_first[:daily_kept])
    weeks: list[tuple[int, int]] = []
    for moment in newest_first[daily_kept:]:
        week = moment.isocalendar()[:2]
        if week in weeks:
            continue
        if len(weeks) == weekly_kept:
            break
        weeks.append(week)
        keep.add(moment)
    return keep


def rotate(
    data_dir: Path, daily_kept: int, weekly_kept: int, where: Path | str | None = None
) -> list[Path]:
    """Delete the automatic backups rotation does not keep (in ``where``, if given);
    returns what was deleted. Manual, before-restore and pre-update copies are never
    touched here."""
    found = daily_backups(_daily_folder(data_dir, where))
    keep = to_keep([taken for taken, _ in found], daily_kept, weekly_kept)
    removed = []
    for taken, path in found:
        if taken in keep:
            continue
        try:
            path.unlink()
            removed.append(path)
            log.info("removed the old automatic backup %s", path)
        except OSError as exc:  # a copy we cannot remove is only a wasted file
            log.warning("could not remove the old backup %s: %s", path, exc)
    return removed
