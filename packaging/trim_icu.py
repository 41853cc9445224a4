"""Shrink the ICU data library in a Linux bundle to the parts Qt can use.

    python packaging/trim_icu.py BUNDLE_DIR

Qt's Linux wheels link ICU, whose data library (libicudata.so.NN) is about 31 MB: every
locale's unit, currency, language and region names, transliterators, break-iterator
dictionaries for Chinese, Japanese, Thai and others, and some 200 legacy text codecs. Qt
draws locale names, numbers and dates from its own tables; from ICU it takes collation
(sorting), case mapping, normalisation and time-zone data, all of which are kept.

The data is taken out of the library, trimmed with ICU's own ``icupkg`` and linked back into
a library with the same name and symbol. Needs ``icupkg`` (Debian: icu-devtools) and a C
compiler; without them the bundle is left as it is and the reason is printed.
"""

from __future__ import annotations

import fnmatch
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: ICU package items removed, as patterns on the name inside the package (after "icudtNNl/")
REMOVED_ITEMS = (
    "unit/*",  # unit names ("3 kilometres") for every locale
    "curr/*",  # currency names
    "lang/*",  # language names
    "region/*",  # country names
    "translit/*",  # transliteration rules
    "rbnf/*",  # spelled-out numbers ("forty-two")
    "brkitr/*.dict",  # word dictionaries for Chinese, Japanese, Thai, Khmer, Lao, Burmese
    "*.cnv",  # legacy text codecs (the app reads and writes only UTF-8)
)


class TrimSkipped(Exception):
    """Trimming cannot run here; ``str()`` says why. The bundle is unchanged."""


@dataclass(frozen=True)
class DataSymbol:
    name: str
    offset: int  # in the file
    size: int


def find_data_symbol(lib: Path) -> DataSymbol:
    """The icudtNN_dat symbol of an ELF64 little-endian ICU data library."""
    blob = lib.read_bytes()
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        raise TrimSkipped(f"{lib.name} is not a 64-bit little-endian ELF library")
    shoff = struct.unpack_from("<Q", blob, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize) for i in range(shnum)
    ]
    for sh_type, link, offset, size in ((s[1], s[6], s[4], s[5]) for s in sections):
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strtab_offset = sections[link][4]
        for pos in range(offset, offset + size, 24):
            st_name, _info, _other, shndx, value, st_size = struct.unpack_from(
                "<IBBHQQ", blob, pos
            )
            end = blob.index(b"\0", strtab_offset + st_name)
            name = blob[strtab_offset + st_name : end].decode()
            if name.startswith("icudt") and name.endswith("_dat") and 0 < shndx < shnum:
                section = sections[shndx]
                return DataSymbol(name, value - section[3] + section[4], st_size)
    raise TrimSkipped(f"no icudt*_dat symbol in {lib.name}")


def items_to_remove(names: list[str]) -> list[str]:
    """Package item names (``tree/item``, no package prefix) that REMOVED_ITEMS matches."""
    return [n for n in names if any(fnmatch.fnmatchcase(n, p) for p in REMOVED_ITEMS)]


def trim(lib: Path) -> tuple[int, int]:
    """Replace ``lib`` with a trimmed copy; return (bytes before, bytes after)."""
    for tool in ("icupkg", "cc"):
        if shutil.which(tool) is None:
            raise TrimSkipped(f"`{tool}` is not installed (Debian: icu-devtools, gcc)")
    symbol = find_data_symbol(lib)
    package = symbol.name.removesuffix("_dat") + "l"  # e.g. icudt73l (little-endian ASCII)
    with tempfile.TemporaryDirectory(prefix="trim-icu-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        (work / "out").mkdir()
        source = work / "in" / f"{package}.dat"
        source.write_bytes(lib.read_bytes()[symbol.offset : symbol.offset + symbol.size])
        listing = subprocess.run(
            ["icupkg", "--ignore-deps", "-l", str(source)], capture_output=True, text=True,
            check=True,
        ).stdout.split()
        removed = items_to_remove(listing)
        if not removed:
            raise TrimSkipped("nothing to remove (already trimmed?)")
        (work / "remove.txt").write_text("\n".join(removed) + "\n", encoding="ascii")
        target = work / "out" / f"{package}.dat"
        subprocess.run(
            ["icupkg", "--ignore-deps", "-r", str(work / "remove.txt"), str(source), str(target)],
            capture_output=True, text=True, check=True,
        )
        assembly = work / "data.S"
        assembly.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol.name}\n"
            f"\t.type {symbol.name}, @object\n"
            "\t.balign 16\n"
            f"{symbol.name}:\n"
            f'\t.incbin "{target}"\n'
            f"\t.size {symbol.name}, . - {symbol.name}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        built = work / lib.name
        subprocess.run(
            ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{lib.name}", "-o", str(built),
             str(assembly)],
            capture_output=True, text=True, check=True,
        )
        check = find_data_symbol(built)
        if check.name != symbol.name or check.size != target.stat().st_size:
            raise TrimSkipped("the rebuilt library does not hold the trimmed data as expected")
        before = lib.stat().st_size
        shutil.copyfile(built, lib)
        return before, lib.stat().st_size


def find_icu_data(bundle: Path) -> Path | None:
    candidates = [p for p in bundle.rglob("libicudata.so.*") if p.is_file() and not p.is_symlink()]
    return candidates[0] if candidates else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    lib = find_icu_data(Path(args[0]))
    if lib is None:
        print("no ICU data library in the bundle; nothing to trim")
        return 0
    try:
        before, after = trim(lib)
    except TrimSkipped as exc:
        print(f"ICU data left as it is: {exc}")
        return 0
    except subprocess.CalledProcessError as exc:
        print(f"ICU data left as it is: {exc.cmd[0]} failed: {exc.stderr.strip()}")
        return 0
    print(f"ICU data trimmed: {before / 2**20:.1f} MiB -> {after / 2**20:.1f} MiB ({lib.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
