"""Bounds on what one import may read, so a hostile or broken file cannot exhaust the machine.

The numbers are generous for real exports and small against a zip bomb:
- a single activity file: an hour at one point a second is about 0.2 MiB as FIT and
  1 MiB as GPX or TCX; a 24-hour ultra with every sensor stays under 30 MiB;
- a Garmin Connect account export holds part zips of a few GiB at most, each with
  thousands of FIT files; a Strava export holds one file per activity;
- deflate cannot compress better than about 1,032:1, and real activity files compress
  between 3:1 (FIT) and 30:1 (GPX), so a ratio over 200:1 means a file built to expand.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024
GIB = 1024 * MIB


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 64 * MIB  # one activity file, after decompression (.gz or zip)
    max_archive_bytes: int = 4 * GIB  # one zip nested inside another, after decompression
    max_total_bytes: int = 16 * GIB  # everything read in one import, after decompression
    max_members: int = 200_000  # entries in one zip
    max_entries: int = 500_000  # files looked at in one import (zip members and folders)
    max_ratio: float = 200.0  # uncompressed / compressed size of one member
    ratio_floor_bytes: int = 1 * MIB  # the ratio is not judged on members smaller than this
    max_depth: int = 3  # zips inside zips: Garmin exports need 2
    max_folder_depth: int = 32  # sub-folders below a folder given to the import


DEFAULT_LIMITS = Limits()
