"""Make the report's fonts (resources/fonts/HamstringReport*.ttf) from DejaVu Sans 2.37.

    pip install 'fonttools>=4.50,<5'     # for this step only: not needed to run or test
    python packaging/subset_fonts.py [DEJAVU_DIR]

DEJAVU_DIR holds DejaVuSans.ttf and DejaVuSans-Bold.ttf (default: Debian's
/usr/share/fonts/truetype/dejavu, package fonts-dejavu-core). The output is committed;
run this again only to change what the fonts cover.

What changes, and why (measured with benchmarks/report.py):
- no TrueType hinting programs (fpgm, prep, cvt, per-glyph instructions): Qt runs them
  for every glyph it embeds in a PDF, a sixth of the time the report took to write, and
  PDF viewers and printers draw the outlines without them;
- the glyphs for COVERAGE only (Latin with its accents, Greek, Cyrillic, punctuation,
  currency, arrows, maths): Qt then reads a third of the font. Anything else a runner
  types (Chinese, Arabic, emoji) is drawn by Qt's usual fallback to a system font;
- renamed "Hamstring Report Sans", as the DejaVu (Bitstream Vera) licence asks of a
  modified font, so that an installed DejaVu Sans is never taken for it.
Layout features (kerning, ligatures, marks) are kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
FAMILY = "Hamstring Report Sans"
#: (source file, output file, style name)
FACES = (
    ("DejaVuSans.ttf", "HamstringReportSans.ttf", "Regular"),
    ("DejaVuSans-Bold.ttf", "HamstringReportSans-Bold.ttf", "Bold"),
)
#: Unicode blocks kept (tests/ui/test_report_fonts.py checks the shipped files cover them)
COVERAGE = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0250, 0x036F),  # IPA extensions, spacing modifiers, combining diacritical marks
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic and Cyrillic Supplement
    (0x1E00, 0x1FFF),  # Latin Extended Additional (Vietnamese...), Greek Extended
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x20CF),  # superscripts and subscripts, currency symbols
    (0x2100, 0x22FF),  # letterlike symbols, number forms, arrows, mathematical operators
    (0x25A0, 0x25FF),  # geometric shapes
    (0xFB00, 0xFB06),  # Latin ligatures
    (0xFFFD, 0xFFFD),  # the replacement character
)


def subset(source: Path, target: Path, style: str) -> None:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM", "MATH"]
    font = TTFont(str(source))
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=[c for lo, hi in COVERAGE for c in range(lo, hi + 1)])
    subsetter.subset(font)
    name = font["name"]
    postscript = FAMILY.replace(" ", "") + ("" if style == "Regular" else f"-{style}")
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    for record in list(name.names):
        if record.nameID in (16, 17, 21, 22):  # typographic names: the plain ones suffice
            name.removeNames(nameID=record.nameID)
    for name_id, text in (
        (1, FAMILY),
        (2, style),
        (3, f"{postscript}; subset of DejaVu Sans 2.37"),
        (4, full),
        (6, postscript),
    ):
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English
        name.setName(text, name_id, 1, 0, 0)  # Macintosh, Roman, English
    font.save(str(target))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB, "
          f"{len(font.getGlyphOrder())} glyphs")


def main(argv: list[str]) -> int:
    source_dir = Path(argv[1]) if len(argv) > 1 else Path("/usr/share/fonts/truetype/dejavu")
    for source, target, style in FACES:
        subset(source_dir / source, OUT / target, style)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
