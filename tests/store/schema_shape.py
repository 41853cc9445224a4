"""The shape of an SQLite schema, read back from the file, and a readable list of how two
shapes differ. Used to prove that a newly created database and a migrated one agree."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

_CONSTRAINT = re.compile(
    r"CONSTRAINT\s+\"?(\w+)\"?\s+(CHECK|PRIMARY KEY|UNIQUE|FOREIGN KEY)", re.I
)
_CHECK = re.compile(
    r"CONSTRAINT \"?(\w+)\"? CHECK \((.*?)\)"
    r"(?=,\s*(?:CONSTRAINT|UNIQUE|FOREIGN|PRIMARY|CHECK)|\s*\)$)",
    re.S,
)


def _normal(text: str | None) -> str:
    return " ".join((text or "").replace('"', "").split())


def _table_shape(conn: sqlite3.Connection, name: str, sql: str) -> dict[str, Any]:
    columns = [
        # cid, name, type, notnull, default, pk (position in the key), hidden
        (row[1], row[2].upper(), bool(row[3]), row[4], row[5])
        for row in conn.execute(f'PRAGMA table_xinfo("{name}")')
    ]
    foreign_keys = sorted(
        (row[3], row[2], row[4], row[5], row[6])  # from, table, to, on update, on delete
        for row in conn.execute(f'PRAGMA foreign_key_list("{name}")')
    )
    indexes = {}
    for row in conn.execute(f'PRAGMA index_list("{name}")'):
        index_name, unique, origin, partial = row[1], bool(row[2]), row[3], bool(row[4])
        cols = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{index_name}")'))
        # SQLite names the indexes behind UNIQUE and PRIMARY KEY constraints by position
        # (sqlite_autoindex_<table>_N): compare those by what they cover instead.
        key = f"{origin}:{','.join(cols)}" if index_name.startswith("sqlite_autoindex") else (
            index_name
        )
        indexes[key] = (cols, unique, origin, partial)
    return {
        "columns": columns,
        "checks": {n: _normal(body) for n, body in _CHECK.findall(sql)},
        "named constraints": sorted(f"{kind.upper()} {n}" for n, kind in _CONSTRAINT.findall(sql)),
        "foreign keys": foreign_keys,
        "indexes": indexes,
        "autoincrement": "AUTOINCREMENT" in sql.upper(),
    }


def schema_shape(path: Path) -> dict[str, Any]:
    """Every table's columns (in order, with type, NOT NULL, default and primary key),
    CHECK constraints by name and text, named constraints, foreign keys, indexes and
    AUTOINCREMENT; every trigger and view by its SQL; the stamped revision."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
        shape: dict[str, Any] = {"tables": {}, "other": {}}
        for kind, name, table, sql in rows:
            if kind == "table":
                shape["tables"][name] = _table_shape(conn, name, sql or "")
            elif kind != "index":  # indexes are compared with their table
                shape["other"][f"{kind} {name} on {table}"] = _normal(sql)
        shape["alembic_version"] = sorted(
            r[0] for r in conn.execute("SELECT version_num FROM alembic_version")
        )
    finally:
        conn.close()
    return shape


def _column_lines(
    table: str, left: list[Any], right: list[Any], names: tuple[str, str]
) -> list[str]:
    a, b = names
    lines = []
    left_by = {c[0]: c for c in left}
    right_by = {c[0]: c for c in right}
    for col in left_by.keys() - right_by.keys():
        lines.append(f"table {table}: column {col!r} is only in the {a} database: {left_by[col]}")
    for col in right_by.keys() - left_by.keys():
        lines.append(f"table {table}: column {col!r} is only in the {b} database: {right_by[col]}")
    for col in left_by.keys() & right_by.keys():
        if left_by[col] != right_by[col]:
            lines.append(
                f"table {table}: column {col!r} differs (name, type, not null, default, "
                f"primary key): {a} {left_by[col]} vs {b} {right_by[col]}"
            )
    order_a = [c[0] for c in left if c[0] in right_by]
    order_b = [c[0] for c in right if c[0] in left_by]
    if not lines and order_a != order_b:
        lines.append(
            f"table {table}: the columns are in a different order: {a} {order_a} vs {b} "
            f"{order_b} (a migration's add_column puts a column last: put it last in "
            "tables.py too)"
        )
    return lines


def _dict_lines(where: str, what: str, left: dict[str, Any], right: dict[str, Any],
                names: tuple[str, str]) -> list[str]:
    a, b = names
    lines = []
    for key in sorted(left.keys() - right.keys()):
        lines.append(f"{where}: {what} {key!r} is only in the {a} database: {left[key]}")
    for key in sorted(right.keys() - left.keys()):
        lines.append(f"{where}: {what} {key!r} is only in the {b} database: {right[key]}")
    for key in sorted(left.keys() & right.keys()):
        if left[key] != right[key]:
            lines.append(f"{where}: {what} {key!r} differs: {a} {left[key]!r} vs {b} "
                         f"{right[key]!r}")
    return lines


def shape_differences(
    left: dict[str, Any], right: dict[str, Any], names: tuple[str, str] = ("created", "migrated")
) -> list[str]:
    """One plain line per difference; empty when the two schemas agree."""
    a, b = names
    lines: list[str] = []
    tables_a, tables_b = left["tables"], right["tables"]
    for table in sorted(tables_a.keys() - tables_b.keys()):
        lines.append(f"table {table} is only in the {a} database")
    for table in sorted(tables_b.keys() - tables_a.keys()):
        lines.append(f"table {table} is only in the {b} database")
    for table in sorted(tables_a.keys() & tables_b.keys()):
        ta, tb = tables_a[table], tables_b[table]
        lines += _column_lines(table, ta["columns"], tb["columns"], names)
        lines += _dict_lines(f"table {table}", "CHECK", ta["checks"], tb["checks"], names)
        lines += _dict_lines(f"table {table}", "index", ta["indexes"], tb["indexes"], names)
        for key in ("named constraints", "foreign keys", "autoincrement"):
            if ta[key] != tb[key]:
                lines.append(f"table {table}: {key} differ: {a} {ta[key]} vs {b} {tb[key]}")
    lines += _dict_lines("schema", "object", left["other"], right["other"], names)
    if left["alembic_version"] != right["alembic_version"]:
        lines.append(f"alembic_version differs: {a} {left['alembic_version']} vs {b} "
                     f"{right['alembic_version']}")
    return lines
