"""Hostile and broken files: refused with a one-line reason, the rest of the batch read."""

from __future__ import annotations

import zipfile
from datetime import UTC

import pytest
from activity_files import RunSpec, fit_bytes, gpx_bytes, gz, zip_bytes

from hamstring_app.core.tasks import Cancelled
from hamstring_app.importer.activity import Activity, Skipped
from hamstring_app.importer.limits import Limits
from hamstring_app.importer.reader import ImportReader

GOOD = gpx_bytes(RunSpec(step_s=60))

LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;">]><gpx version="1.1"><trk><name>&c;</name></trk></gpx>'
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE TrainingCenterDatabase [<!ENTITY x SYSTEM '
    b'"file:///etc/passwd">]><TrainingCenterDatabase><Author>&x;</Author>'
    b"</TrainingCenterDatabase>"
)


def read(paths, **kw):
    return ImportReader(zone=UTC, **kw).read(paths)


def one_line(reason: str) -> bool:
    return "\n" not in reason and 0 < len(reason) < 200


def batch(tmp_path, name: str, data: bytes) -> tuple[Skipped, Activity]:
    """The hostile file and a good one in the same import."""
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz_good.gpx").write_bytes(GOOD)
    found = read([tmp_path / name, tmp_path / "zz_good.gpx"])
    bad, good = found
    assert isinstance(bad, Skipped), bad
    assert isinstance(good, Activity)
    assert one_line(bad.reason)
    return bad, good


def test_entity_bomb_refused(tmp_path):
    bad, _ = batch(tmp_path, "laughs.gpx", LAUGHS)
    assert "refused" in bad.reason and "entities" in bad.reason


def test_external_entity_refused(tmp_path):
    bad, _ = batch(tmp_path, "xxe.tcx", EXTERNAL)
    assert "refused" in bad.reason


def test_entity_bomb_inside_a_zip_refused(tmp_path):
    bad, _ = batch(tmp_path, "x.zip", zip_bytes({"a.gpx": LAUGHS}))
    assert "refused" in bad.reason and bad.source.endswith("x.zip › a.gpx")


def test_zip_bomb_ratio_refused(tmp_path):
    bad, _ = batch(tmp_path, "bomb.zip", zip_bytes({"big.gpx": b"\0" * (8 * 1024 * 1024)}))
    assert "expands" in bad.reason


def test_member_larger_than_the_cap_refused(tmp_path):
    limits = Limits(max_file_bytes=64 * 1024)
    data = zip_bytes({"big.gpx": gpx_bytes(RunSpec(step_s=1))}, stored=True)
    (tmp_path / "big.zip").write_bytes(data)
    (bad,) = read([tmp_path / "big.zip"], limits=limits)
    assert "larger than" in bad.reason


def test_gz_streamed_with_a_cap(tmp_path):
    limits = Limits(max_file_bytes=1024 * 1024)
    (tmp_path / "bomb.gpx.gz").write_bytes(gz(b"\0" * (4 * 1024 * 1024)))
    (bad,) = read([tmp_path / "bomb.gpx.gz"], limits=limits)
    assert "larger than 1 MiB once unpacked" in bad.reason


def test_too_many_members_refused(tmp_path):
    data = zip_bytes({f"{i}.gpx": b"" for i in range(30)})
    (tmp_path / "many.zip").write_bytes(data)
    (bad,) = read([tmp_path / "many.zip"], limits=Limits(max_members=20))
    assert "more than 20 files" in bad.reason


def test_nesting_depth_bounded(tmp_path):
    inner = zip_bytes({"a.gpx": GOOD})
    for _ in range(5):
        inner = zip_bytes({"deeper.zip": inner})
    (tmp_path / "deep.zip").write_bytes(inner)
    found = read([tmp_path / "deep.zip"])
    assert len(found) == 1 and "nested too deep" in found[0].reason


@pytest.mark.parametrize("name", ["../../evil.gpx", "/etc/evil.gpx", "C:/evil.gpx",
                                  "a/../../evil.gpx"])
def test_path_traversal_member_refused(tmp_path, name):
    out = tmp_path / "x.zip"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo(name), GOOD)
        archive.writestr("fine.gpx", GOOD)
    found = read([out])
    assert [type(f) for f in found] == [Skipped, Activity]
    assert "outside itself" in found[0].reason
    assert not (tmp_path.parent / "evil.gpx").exists()


def test_zip_never_extracts(monkeypatch, tmp_path):
    def refuse(*_a, **_k):  # pragma: no cover - the point is that it is never called
        raise AssertionError("extractall called")

    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    (tmp_path / "g.zip").write_bytes(zip_bytes({"a.zip": zip_bytes({"b.gpx": GOOD})}))
    assert isinstance(read([tmp_path / "g.zip"])[0], Activity)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("trunc.fit", fit_bytes(RunSpec(step_s=60))[:40], "FIT"),
        ("junk.fit", b"this is not a fit file at all", "not a FIT file"),
        ("junk.gpx", b"<gpx><trk>", "XML"),
        ("empty.tcx", b"", "XML"),
        ("bad.gz.gpx.gz", b"not gzip", ".gz"),
        ("bad.zip", b"PK\x03\x04broken", "zip"),
        ("notes.txt", b"hello", "not a FIT, GPX, TCX or zip file"),
    ],
)
def test_malformed_file_gets_one_line_and_the_batch_goes_on(tmp_path, name, data, words):
    bad, _ = batch(tmp_path, name, data)
    assert words in bad.reason


def test_missing_path_is_reported(tmp_path):
    (bad,) = read([tmp_path / "nope.fit"])
    assert bad.reason == "no such file or folder"


def test_cancel_stops_between_files(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.gpx").write_bytes(GOOD)
    seen = []
    reader = ImportReader(zone=UTC, progress=lambda f, _s: seen.append(f),
                          cancelled=lambda: len(seen) >= 2)
    with pytest.raises(Cancelled):
        reader.read([tmp_path])
    assert len(seen) == 2
