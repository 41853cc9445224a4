"""Exercise library and programmes: the shipped files, validation errors, session planning."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from hamstring_app.assets import resource
from hamstring_app.core.library import (
    Group,
    HipFlexion,
    Library,
    LibraryError,
    load_library,
    load_library_from,
    plan_session,
    swap_choices,
)
from hamstring_app.core.planning import estimated_minutes

REQUIRED_IDS = {
    "bridge_hold", "single_leg_bridge_hold", "romanian_deadlift", "single_leg_rdl",
    "hip_thrust", "good_morning", "nordic_curl", "nordic_curl_assisted", "hamstring_slider",
    "prone_hamstring_curl", "split_squat", "step_up", "side_lying_abduction", "calf_raise",
    "hip_flexor_mobility", "hamstring_mobility_gentle", "thoracic_rotation", "calf_stretch",
}
MID = "mid_thigh"
SIT_BONE = "high_near_sit_bone"


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


# --------------------------------------------------------------------------- shipped files


def test_shipped_library_has_every_required_exercise(lib: Library) -> None:
    assert set(lib.exercises) >= REQUIRED_IDS
    assert {e.group for e in lib.exercises.values()} == set(Group)


def test_every_programme_exercise_exists_with_a_dose(lib: Library) -> None:
    assert [p.phase for p in lib.programmes] == [1, 2, 3, 4]
    for programme in lib.programmes:
        for item in programme.items:
            exercise = lib.exercises[item.exercise_id]
            assert exercise.dose_for(programme.phase) is not None


@pytest.mark.parametrize("direction", ["harder", "easier"])
def test_every_variant_chain_ends(lib: Library, direction: str) -> None:
    for exercise in lib.exercises.values():
        chain = lib.chain(exercise.id, direction)
        assert len(chain) == len(set(chain)) and exercise.id not in chain
        if chain:
            assert getattr(lib.exercises[chain[-1]], direction) is None


def test_variant_links_point_both_ways(lib: Library) -> None:
    for exercise in lib.exercises.values():
        if exercise.harder:
            assert lib.exercises[exercise.harder].easier == exercise.id, exercise.id


def test_each_exercise_has_its_own_readable_illustration(lib: Library) -> None:
    names = [e.illustration for e in lib.exercises.values()]
    assert len(names) == len(set(names))
    for name in names:
        root = ET.fromstring(resource("illustrations", name).read_text(encoding="utf-8"))
        assert root.tag.endswith("svg")
        assert root.find("{http://www.w3.org/2000/svg}title") is not None


def test_exercises_explain_themselves(lib: Library) -> None:
    for e in lib.exercises.values():
        assert len(e.steps) >= 2 and e.cues, e.id
    gentle = lib.exercises["hamstring_mobility_gentle"]
    assert any("aggressive" in a for a in gentle.avoid_while_irritable)
    assert lib.exercises["romanian_deadlift"].hip_flexion is HipFlexion.DEEP
    assert lib.exercises["bridge_hold"].hip_flexion is HipFlexion.LOW


def test_nordic_table_matches_mjolsnes(lib: Library) -> None:
    def row(week: int) -> tuple[int, int, int, int | None, tuple[int, ...]]:
        r = lib.nordic_week(week)
        return (r.sessions_per_week, r.sets, r.reps, r.reps_max, r.reps_by_set)

    assert row(1) == (1, 2, 5, None, ())
    assert row(2) == (2, 2, 6, None, ())
    assert row(3) == (3, 3, 6, 8, ())
    assert row(4) == (3, 3, 8, 10, ())
    for week in (5, 7, 10):
        assert row(week) == (3, 3, 12, None, (12, 10, 8))
    assert row(11)[0] == 1 and row(60)[0] == 1  # maintenance: once a week
    with pytest.raises(ValueError):
        lib.nordic_week(0)


@pytest.mark.parametrize("phase", [1, 2, 3, 4])
@pytest.mark.parametrize("week", [None, 1, 3, 5, 11])
def test_sessions_fit_the_programme_length(lib: Library, phase: int, week: int | None) -> None:
    programme = lib.programme_for_phase(phase)
    minutes = estimated_minutes(plan_session(lib, phase, {}, {}, MID, week))
    low, high = programme.minutes
    assert low <= minutes <= high, (phase, week, minutes)
    assert programme.sessions_per_week == (2, 3)


# --------------------------------------------------------------------------- broken files

EXERCISE = """
[[exercise]]
id = "{id}"
name = "{name}"
group = "isometric"
hip_flexion = "{hip}"
summary = "Something short."
steps = ["One.", "Two."]
cues = ["Breathe."]
illustration = "{id}.svg"
{links}
[[exercise.dose]]
phase = {phase}
sets = 3
hold_s = 30
rest_s = 60
"""


def _exercise(id: str, *, hip: str = "low", links: str = "", phase: int = 1) -> str:
    return EXERCISE.format(id=id, name=id.replace("_", " ").title(), hip=hip, links=links,
                           phase=phase)


def _programmes(ids: dict[int, list[str]]) -> str:
    out = []
    for phase in (1, 2, 3, 4):
        out.append(
            f'[[programme]]\nid = "phase_{phase}"\nphase = {phase}\nname = "P{phase}"\n'
            f'summary = "S"\nsessions_per_week = [2, 3]\nminutes = [20, 30]\n'
        )
        for ex in ids.get(phase, ["a"]):
            out.append(f'[[programme.item]]\nexercise = "{ex}"\n')
    return "\n".join(out)


GOOD_EXERCISES = (
    _exercise("a", links='harder = "b"')
    + "\n[[exercise.dose]]\nphase = 2\nsets = 2\nhold_s = 20\nrest_s = 30\n"
    + "\n[[exercise.dose]]\nphase = 3\nsets = 2\nhold_s = 20\nrest_s = 30\n"
    + "\n[[exercise.dose]]\nphase = 4\nsets = 2\nhold_s = 20\nrest_s = 30\n"
    + _exercise("b", links='easier = "a"', hip="deep")
)
GOOD_PROGRAMMES = _programmes({})


def _load(exercises: str = GOOD_EXERCISES, programmes: str = GOOD_PROGRAMMES) -> Library:
    return load_library_from(
        exercises, programmes, source_names=("ex.toml", "prog.toml"),
        illustration_exists=lambda name: name != "missing.svg",
    )


def test_small_good_library_loads() -> None:
    lib = _load()
    assert set(lib.exercises) == {"a", "b"}
    assert lib.chain("a", "harder") == ("b",)


def _error(exercises: str = GOOD_EXERCISES, programmes: str = GOOD_PROGRAMMES) -> str:
    with pytest.raises(LibraryError) as info:
        _load(exercises, programmes)
    return str(info.value)


def test_dose_with_reps_and_hold_names_file_entry_and_phase() -> None:
    text = GOOD_EXERCISES.replace("phase = 3\nsets = 2\nhold_s = 20", "phase = 3\nsets = 2\n"
                                  "reps = 5\nhold_s = 20")
    assert _error(text) == (
        "ex.toml, exercise 'a': dose for phase 3 has reps and hold_s; give one"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('cues = ["Breathe."]', 'cues = ["Breathe."]\ncolour = "red"'),
         "ex.toml, exercise 'a': unknown key 'colour'"),
        (('name = "A"\n', ""), "ex.toml, exercise 'a': 'name' is missing"),
        (("sets = 3", "sets = \"three\""),
         "ex.toml, exercise 'a': dose for phase 1 'sets' must be a whole number"),
        (('group = "isometric"', 'group = "cardio"'), "ex.toml, exercise 'a': 'group' must be"),
        (('harder = "b"', 'harder = "zz"'),
         "ex.toml, exercise 'a': harder variant 'zz' is not in ex.toml"),
        (('illustration = "a.svg"', 'illustration = "missing.svg"'),
         "ex.toml, exercise 'a': illustration 'missing.svg' is not in illustrations/"),
        (('easier = "a"', 'easier = "a"\nharder = "a"'),
         "ex.toml, exercise 'a': harder variants go round in a circle (a -> b -> a)"),
        (("[[exercise]]", "[[exercise]"), "ex.toml: is not valid TOML"),
        (("rest_s = 60", "rest_s = 60\ntempo_down_s = 3"),
         "ex.toml, exercise 'a': dose for phase 1 tempo_down_s a hold has no tempo"),
    ],
)
def test_broken_exercise_file_names_file_and_entry(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD_EXERCISES
    message = _error(GOOD_EXERCISES.replace(old, new, 1))
    assert message.startswith(expected), message


def test_duplicate_exercise_id() -> None:
    assert _error(GOOD_EXERCISES + _exercise("b")) == (
        "ex.toml, exercise 'b': this id is used twice"
    )


@pytest.mark.parametrize(
    ("programmes", "expected"),
    [
        (_programmes({3: ["a", "ghost"]}),
         "prog.toml, programme 'phase_3': exercise 'ghost' is not in ex.toml"),
        (_programmes({2: ["b"]}),
         "prog.toml, programme 'phase_2': exercise 'b' has no dose for phase 2 in ex.toml"),
        (_programmes({}).replace('id = "phase_4"\nphase = 4', 'id = "phase_4"\nphase = 3'),
         "prog.toml: needs exactly one programme for each phase 1-4"),
        (_programmes({}).replace("minutes = [20, 30]", "minutes = [30, 20]", 1),
         "prog.toml, programme 'phase_1': minutes must give the smaller number first"),
        (_programmes({}) + '\n[[nordic_week]]\nfirst_week = 2\nsessions_per_week = 1\n'
         'sets = 2\nreps = 5\n', "prog.toml, nordic_week 1: should start at week 1"),
        (_programmes({}) + '\n[[programme.item]]\nexercise = "a"\nweight = 3\n',
         "prog.toml, programme 'phase_4' item 2: unknown key 'weight'"),
    ],
)
def test_broken_programme_file_names_file_and_entry(programmes: str, expected: str) -> None:
    message = _error(programmes=programmes)
    assert message.startswith(expected), message


def test_error_keeps_file_and_entry_as_attributes() -> None:
    with pytest.raises(LibraryError) as info:
        _load(programmes=_programmes({1: ["nope"]}))
    assert info.value.file == "prog.toml"
    assert info.value.entry == "programme 'phase_1'"


# --------------------------------------------------------------------------- planning


def _ids(plan: tuple) -> list[str]:
    return [p.exercise_id for p in plan]


def test_plan_follows_the_programme(lib: Library) -> None:
    plan = plan_session(lib, 2, {}, {}, MID, None)
    assert _ids(plan) == [i.exercise_id for i in lib.programme_for_phase(2).items]
    rdl = plan[0]
    assert (rdl.sets, rdl.reps, rdl.reps_max, rdl.tempo_down_s, rdl.rest_s) == (3, 12, 15, 3, 75)
    assert rdl.describe() == "3 x 12-15, lower over 3 s, rest 75 s"
    assert "15 times" in rdl.load_note


def test_progress_moves_to_harder_variant(lib: Library) -> None:
    plan = plan_session(lib, 1, {"bridge_hold": "progress"}, {}, MID, None)
    assert plan[0].exercise_id == "single_leg_bridge_hold"
    assert plan[0].base_id == "bridge_hold"
    assert "Moved up" in plan[0].change_note


def test_progress_without_free_variant_adds_dose(lib: Library) -> None:
    # single_leg_rdl is already in phase 3, so the RDL gets more reps instead
    plan = plan_session(lib, 3, {"romanian_deadlift": "progress"}, {}, MID, None)
    rdl = plan[0]
    assert rdl.exercise_id == "romanian_deadlift"
    assert rdl.reps == 10 and rdl.reps_max is None
    hold = plan_session(lib, 1, {"prone_knee_bend_hold": "regress"}, {}, MID, None)[1]
    assert (hold.sets, hold.hold_s) == (3, 20)


def test_regress_moves_to_easier_variant(lib: Library) -> None:
    plan = plan_session(lib, 3, {"nordic_curl": "regress"}, {}, MID, 2)
    nordic = plan[2]
    assert nordic.exercise_id == "nordic_curl_partial"
    assert (nordic.sets, nordic.reps) == (2, 6)  # still the week-2 table dose


def test_hold_and_unknown_ids_change_nothing(lib: Library) -> None:
    base = plan_session(lib, 2, {}, {}, MID, None)
    same = plan_session(lib, 2, {"hip_thrust": "hold", "not_in_programme": "progress"}, {},
                        MID, None)
    assert same == base


def test_runner_swaps_to_easier_or_harder(lib: Library) -> None:
    plan = plan_session(lib, 2, {}, {"hamstring_slider": "easier"}, MID, None)
    assert plan[2].exercise_id == "prone_hamstring_curl"
    assert plan[2].change_note == "Swapped for Prone hamstring curl, as you chose."
    plan = plan_session(lib, 2, {}, {"hamstring_slider": "nordic_curl_assisted"}, MID, None)
    assert plan[2].exercise_id == "nordic_curl_assisted"
    choices = swap_choices(lib, plan_session(lib, 2, {}, {}, MID, None), 2)
    assert {k: v.id for k, v in choices.items()} == {
        "easier": "prone_hamstring_curl", "harder": "nordic_curl_assisted"
    }


@pytest.mark.parametrize(
    ("swaps", "match"),
    [
        ({"calf_stretch": "easier"}, "no easier variant"),
        ({"split_squat": "nordic_curl"}, "not an easier or harder variant"),
        ({"romanian_deadlift": "harder"}, "already in today's session"),
    ],
)
def test_impossible_swaps_are_refused(lib: Library, swaps: dict[str, str], match: str) -> None:
    phase = 1 if "calf_stretch" in swaps else 3
    with pytest.raises(ValueError, match=match):
        plan_session(lib, phase, {}, swaps, MID, None)


def test_sit_bone_pain_limits_hip_bend_early(lib: Library) -> None:
    p1 = plan_session(lib, 1, {}, {}, SIT_BONE, None)
    assert "hamstring_mobility_gentle" not in _ids(p1)
    assert all(p.exercise.hip_flexion is HipFlexion.LOW for p in p1)
    p2 = plan_session(lib, 2, {}, {}, SIT_BONE, None)
    assert "romanian_deadlift" not in _ids(p2)
    assert all(p.exercise.hip_flexion is not HipFlexion.DEEP for p in p2)
    stand_in = p2[0]
    assert stand_in.base_id == "romanian_deadlift"
    assert "sit bone" in stand_in.change_note
    # a swap cannot bring the deep hip bend back in phase 2
    swapped = plan_session(lib, 2, {}, {"romanian_deadlift": "harder"}, SIT_BONE, None)
    assert all(p.exercise.hip_flexion is not HipFlexion.DEEP for p in swapped)
    # from phase 3 the hinges come back
    assert "romanian_deadlift" in _ids(plan_session(lib, 3, {}, {}, SIT_BONE, None))


@pytest.mark.parametrize(
    ("week", "sets", "reps", "by_set"),
    [
        (1, 2, 5, ()),
        (2, 2, 6, ()),
        (4, 3, 8, ()),
        (6, 3, 12, (12, 10, 8)),
        (30, 3, 12, (12, 10, 8)),
    ],
)
def test_nordic_dose_comes_from_the_table(
    lib: Library, week: int, sets: int, reps: int, by_set: tuple[int, ...]
) -> None:
    nordic = plan_session(lib, 3, {"nordic_curl": "progress"}, {}, MID, week)[2]
    assert nordic.exercise_id == "nordic_curl"
    assert (nordic.sets, nordic.reps, nordic.reps_by_set) == (sets, reps, by_set)
    assert f"Nordic week {week}" in nordic.change_note
    if by_set:
        assert [nordic.target_reps(n) for n in (1, 2, 3)] == [12, 10, 8]
        assert nordic.describe().startswith("12/10/8 reps")


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((5, {}, {}, MID, None), "phase"),
        ((2, {"hip_thrust": "more"}, {}, MID, None), "decision for 'hip_thrust'"),
        ((2, {}, {}, "knee", None), "pain_site"),
        ((3, {}, {}, MID, 0), "nordic_week"),
    ],
)
def test_bad_plan_arguments(lib: Library, args: tuple, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        plan_session(lib, *args)


def test_no_illustration_marks_a_hold_with_a_pause_sign(lib: Library) -> None:
    """Two upright bars side by side read as "pause": a hold is marked with a stopwatch."""
    marked = 0
    for exercise in lib.exercises.values():
        text = resource("illustrations", exercise.illustration).read_text(encoding="utf-8")
        for mark in re.findall(r'<g aria-label="hold[^"]*">(.*?)</g>', text):
            marked += 1
            uprights = set(re.findall(r'<line x1="([\d.]+)" y1="[\d.]+" x2="\1"', mark))
            assert len(uprights) < 2, exercise.illustration
    assert marked >= 5  # every hold exercise has the mark
